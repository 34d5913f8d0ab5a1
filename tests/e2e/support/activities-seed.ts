import { TZDate } from '@date-fns/tz'
import type { Activity } from '../../../shared/domain/activities'
import type { ActivityType } from '../../../shared/domain/activity-types'
import type { Bay } from '../../../shared/domain/bays'
import type { Technician } from '../../../shared/domain/technicians'
import type { Vehicle } from '../../../shared/domain/vehicles'
import { seedFrontDesk } from './seed'
import type { ShopHttpClient } from './shop-client'
import type { ShopServer } from './shop-server'

/**
 * The instant a shop clock reads `hhmm` on `day`, as the ISO string the core stores.
 *
 * @example
 * shopInstant('2026-03-10', '09:30', 'America/New_York') // '2026-03-10T13:30:00.000Z'
 */
export function shopInstant(day: string, hhmm: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [h, min] = hhmm.split(':').map(Number) as [number, number]
  // TZDate prints its own offset; the core stores (and answers) UTC with a Z.
  return new Date(new TZDate(y, m - 1, d, h, min, 0, timeZone).getTime()).toISOString()
}

export interface ShopFloor {
  bays: Bay[]
  technicians: Technician[]
  /** By name: 'Oil change', 'Tire rotation', 'Brake service', 'Diagnostics', plus the built-ins. */
  types: Record<string, ActivityType>
}

/** Three bays, three technicians and the common job types with their plans. */
export async function seedShopFloor(shop: ShopHttpClient): Promise<ShopFloor> {
  await shop.call('settings.update', { shopName: 'Eastside Auto Care', reminderDaysBefore: 3 })
  const bays: Bay[] = []
  for (const name of ['Bay 1', 'Bay 2', 'Bay 3']) bays.push(await shop.call('bays.create', { name }))
  const technicians: Technician[] = []
  for (const name of ['Sam Ortiz', 'Lee Park', 'Ana Silva']) technicians.push(await shop.call('technicians.create', { name, email: null }))
  const made = [
    await shop.call('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 45 }),
    await shop.call('activityTypes.create', { name: 'Tire rotation', category: 'maintenance', durationMinutes: 30 }),
    await shop.call('activityTypes.create', { name: 'Brake service', category: 'repair', durationMinutes: 90 }),
    await shop.call('activityTypes.create', { name: 'Diagnostics', category: 'other', durationMinutes: 60 }),
  ]
  const all = await shop.call('activityTypes.list', {})
  const types = Object.fromEntries([...all, ...made].map((t) => [t.name, t]))
  await shop.call('templates.create', { activityTypeId: types['Oil change']!.id, intervalMonths: 3 })
  await shop.call('templates.create', { activityTypeId: types['Tire rotation']!.id, intervalMonths: 6 })
  return { bays, technicians, types }
}

export interface BookingSeed {
  vehicle: Vehicle
  type: ActivityType
  day: string
  time: string
  bay?: Bay
  technician?: Technician
  minutes?: number
}

/** A shop to seed; one that can set its clock back books past work the day before it happened. */
export type SeedTarget = ShopHttpClient & Partial<Pick<ShopServer, 'asOf' | 'now'>>

/**
 * A booked manual activity, as the front desk would create it. Work booked for a time that
 * has passed was booked the day before (the core refuses bookings in the past).
 */
export async function seedBooking(shop: SeedTarget, timeZone: string, b: BookingSeed): Promise<Activity> {
  const start = shopInstant(b.day, b.time, timeZone)
  const book = () =>
    shop.call('activities.createManual', {
      vehicleId: b.vehicle.id,
      activityTypeId: b.type.id,
      start,
      end: b.minutes ? new Date(new Date(start).getTime() + b.minutes * 60_000).toISOString() : undefined,
      bayId: b.bay?.id ?? 'first_free',
      technicianId: b.technician?.id ?? null,
    })
  if (shop.asOf && shop.now && start < new Date(shop.now).toISOString()) {
    return shop.asOf(new Date(Date.parse(start) - 86_400_000).toISOString(), book)
  }
  return book()
}

export interface BusyShop extends ShopFloor {
  vehicles: Vehicle[]
  /** Today's bookings in time order: completed, in progress, then scheduled. */
  today: Activity[]
  week: Activity[]
}

/**
 * A working week at Eastside Auto Care around 2026-03-10 (the e2e default "now", a Tuesday,
 * 11:00 in New York): the front desk's book of customers with their planned work, today's
 * bookings in all three bays (one done, one under way), more through the month, a cancelled
 * job, a shop closure and a bay out of service.
 */
export async function seedBusyShop(shop: SeedTarget, timeZone: string, today = '2026-03-10'): Promise<BusyShop> {
  const floor = await seedShopFloor(shop)
  const { vehicles: all } = await seedFrontDesk(shop)
  const vehicles = all.filter((v) => v.status === 'active')
  const [b1, b2, b3] = floor.bays as [Bay, Bay, Bay]
  const [sam, lee, ana] = floor.technicians as [Technician, Technician, Technician]
  const t = floor.types
  const v = (i: number) => vehicles[i % vehicles.length]!
  const day = (offset: number) => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(y, m - 1, d + offset))
    return date.toISOString().slice(0, 10)
  }

  const todays: Activity[] = []
  const plan: [number, string, string, Bay, Technician][] = [
    [0, 'Oil change', '08:00', b1, sam],
    [1, 'Brake service', '09:00', b2, lee],
    [2, 'Tire rotation', '10:30', b1, sam],
    [3, 'Diagnostics', '13:00', b3, ana],
    [4, 'Minor inspection', '14:00', b2, lee],
    [5, 'Oil change', '15:30', b1, ana],
  ]
  for (const [i, type, time, bay, technician] of plan) {
    todays.push(await seedBooking(shop, timeZone, { vehicle: v(i), type: t[type]!, day: today, time, bay, technician }))
  }
  // The morning as it went: the 8:00 oil change is done, the 9:00 brakes are on the lift.
  let first = await shop.call('activities.start', { id: todays[0]!.id, version: todays[0]!.version })
  first = await shop.call('activities.complete', {
    id: first.id,
    version: first.version,
    completedBy: 'Sam Ortiz',
    odometer: 48_950,
    notes: '5W-30 synthetic, filter replaced.',
  })
  todays[0] = first
  todays[1] = await shop.call('activities.start', { id: todays[1]!.id, version: todays[1]!.version })

  const week: Activity[] = []
  const later: [number, number, string, string, Bay, Technician][] = [
    [1, 6, 'Tire rotation', '08:30', b1, sam],
    [1, 7, 'Brake service', '10:00', b2, lee],
    [2, 2, 'Oil change', '09:00', b2, ana],
    [2, 8, 'Diagnostics', '11:00', b1, sam],
    [3, 3, 'Minor inspection', '08:00', b2, lee],
    [3, 5, 'Oil change', '13:30', b1, ana],
    [4, 4, 'Brake service', '09:00', b2, sam],
    [7, 0, 'Tire rotation', '09:00', b1, lee],
    [8, 1, 'Oil change', '10:00', b2, ana],
    [9, 6, 'Diagnostics', '15:00', b3, sam],
    [14, 7, 'Brake service', '08:00', b1, lee],
    [15, 2, 'Minor inspection', '13:00', b2, ana],
    [16, 3, 'Oil change', '09:30', b1, sam],
    [-1, 5, 'Tire rotation', '11:00', b2, lee],
    [-6, 4, 'Oil change', '14:00', b1, sam],
  ]
  for (const [offset, i, type, time, bay, technician] of later) {
    week.push(await seedBooking(shop, timeZone, { vehicle: v(i), type: t[type]!, day: day(offset), time, bay, technician }))
  }
  const cancelled = week[2]!
  week[2] = await shop.call('activities.cancel', { id: cancelled.id, version: cancelled.version, reason: 'Customer sold the car' })

  await shop.call('closures.create', { startsOn: day(10), endsOn: day(10), scope: 'shop', reason: 'Staff training' })
  await shop.call('closures.create', { startsOn: day(1), endsOn: day(3), scope: 'bay', bayId: b3.id, reason: 'Lift inspection' })
  return { ...floor, vehicles, today: todays, week }
}
