import type { Activity } from '../../../shared/domain/activities'
import type { Bay } from '../../../shared/domain/bays'
import type { Technician } from '../../../shared/domain/technicians'
import type { Vehicle } from '../../../shared/domain/vehicles'
import { seedBooking, seedShopFloor, type ShopFloor } from './activities-seed'
import { seedFrontDesk } from './seed'
import type { ShopHttpClient } from './shop-client'

export interface BusyWeek extends ShopFloor {
  vehicles: Vehicle[]
  /** Every booking made, in the order of `BUSY_WEEK`. */
  bookings: Activity[]
}

/** [day, vehicle index, work, start, bay index, technician index] */
type Slot = [string, number, string, string, number, number]

/**
 * The week after the e2e "now" (Tue 2026-03-10, 11:00 New York) at a four-bay shop: every bay
 * busy on Wednesday morning at once (the overlap a whole-shop view must keep legible), long
 * jobs beside short ones, and the rest of the week filling up. All of it after "now", so no
 * booking is in the past.
 */
export const BUSY_WEEK: Slot[] = [
  ['2026-03-10', 0, 'Oil change', '13:00', 0, 0],
  ['2026-03-10', 1, 'Brake service', '13:00', 1, 1],
  ['2026-03-10', 2, 'Tire rotation', '14:30', 2, 2],
  ['2026-03-11', 3, 'Initial full inspection', '09:00', 0, 0],
  ['2026-03-11', 4, 'Brake service', '09:00', 1, 1],
  ['2026-03-11', 5, 'Oil change', '09:00', 2, 2],
  ['2026-03-11', 6, 'Diagnostics', '09:00', 3, 3],
  ['2026-03-11', 7, 'Tire rotation', '13:30', 0, 1],
  ['2026-03-12', 0, 'Minor inspection', '08:00', 1, 0],
  ['2026-03-12', 2, 'Oil change', '10:00', 3, 2],
  ['2026-03-12', 4, 'Diagnostics', '14:00', 0, 3],
  ['2026-03-13', 1, 'Oil change', '08:30', 0, 1],
  ['2026-03-13', 6, 'Brake service', '10:00', 2, 0],
  ['2026-03-13', 3, 'Tire rotation', '15:00', 3, 2],
  ['2026-03-14', 5, 'Oil change', '09:00', 0, 3],
]

/**
 * A busy week at a four-bay shop: Eastside's floor with a fourth bay and technician, the front
 * desk's book of customers (with their planned, unbooked work) and `BUSY_WEEK` booked.
 */
export async function seedBusyWeek(shop: ShopHttpClient, timeZone: string): Promise<BusyWeek> {
  const floor = await seedShopFloor(shop)
  floor.bays.push(await shop.call('bays.create', { name: 'Bay 4' }))
  floor.technicians.push(await shop.call('technicians.create', { name: 'Kim Novak', email: null }))
  const { vehicles: all } = await seedFrontDesk(shop)
  const vehicles = all.filter((v) => v.status === 'active')
  const bookings: Activity[] = []
  for (const [day, v, type, time, bay, tech] of BUSY_WEEK) {
    bookings.push(
      await seedBooking(shop, timeZone, {
        vehicle: vehicles[v % vehicles.length]!,
        type: floor.types[type]!,
        day,
        time,
        bay: floor.bays[bay] as Bay,
        technician: floor.technicians[tech] as Technician,
      }),
    )
  }
  return { ...floor, vehicles, bookings }
}
