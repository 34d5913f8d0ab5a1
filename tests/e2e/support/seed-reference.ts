import type { ActivityType } from '../../../shared/domain/activity-types'
import type { Bay } from '../../../shared/domain/bays'
import type { MaintenanceTemplate } from '../../../shared/domain/templates'
import type { Technician } from '../../../shared/domain/technicians'
import type { ShopHttpClient } from './shop-client'

export interface SeededReference {
  bays: Bay[]
  technicians: Technician[]
  types: Record<'oil' | 'tires' | 'brakes' | 'transmission' | 'diagnostic', ActivityType>
  templates: MaintenanceTemplate[]
}

/**
 * A small shop's set-up through the real channels: its details, four bays (one retired),
 * four technicians (one gone), five kinds of work, three maintenance templates and three
 * closures around the pinned today (2026-03-10). Seed it before vehicles, so they are
 * planned with the templates.
 *
 * @example
 * const ref = await seedReference(shop)
 * await seedFrontDesk(shop)
 */
export async function seedReference(shop: ShopHttpClient): Promise<SeededReference> {
  await shop.call('settings.update', {
    shopName: 'Riverside Auto Care',
    shopEmail: 'desk@riversideauto.example',
    shopPhone: '(617) 555-0199',
    shopAddress: '214 Water Street\nCambridge, MA 02141',
  })
  const bays: Bay[] = []
  for (const name of ['Bay 1', 'Bay 2', 'Bay 3 (alignment)', 'Bay 4']) bays.push(await shop.call('bays.create', { name }))
  bays[3] = await shop.call('bays.update', { id: bays[3]!.id, name: 'Bay 4', active: false })

  const technicians: Technician[] = []
  for (const [name, email] of [
    ['Alex Moreno', 'alex@riversideauto.example'],
    ['Jamie Lee', 'jamie@riversideauto.example'],
    ['Sam Ortiz', null],
    ['Chris Doyle', null],
  ] as const) {
    technicians.push(await shop.call('technicians.create', { name, email }))
  }
  technicians[3] = await shop.call('technicians.update', { ...technicians[3]!, active: false })

  const type = (name: string, category: ActivityType['category'], durationMinutes: number) =>
    shop.call('activityTypes.create', { name, category, durationMinutes })
  const types = {
    oil: await type('Oil change', 'maintenance', 45),
    tires: await type('Tire rotation', 'maintenance', 30),
    brakes: await type('Brake inspection', 'inspection', 60),
    transmission: await type('Transmission service', 'maintenance', 90),
    diagnostic: await type('Diagnostic', 'repair', 60),
  }

  const templates = [
    await shop.call('templates.create', { activityTypeId: types.oil.id, intervalMonths: 6, intervalMiles: 5000, anchor: 'last_completed' }),
    await shop.call('templates.create', { activityTypeId: types.tires.id, intervalMonths: 6 }),
    await shop.call('templates.create', { activityTypeId: types.brakes.id, intervalMonths: 12, anchor: 'onboarding' }),
  ]

  await shop.call('closures.create', { startsOn: '2026-03-18', endsOn: '2026-03-19', scope: 'bay', bayId: bays[1]!.id, reason: 'Lift service' })
  await shop.call('closures.create', {
    startsOn: '2026-04-06',
    endsOn: '2026-04-10',
    scope: 'technician',
    technicianId: technicians[1]!.id,
    reason: 'Vacation',
  })
  await shop.call('closures.create', { startsOn: '2026-05-25', endsOn: '2026-05-25', scope: 'shop', reason: 'Memorial Day' })

  return { bays, technicians, types, templates }
}
