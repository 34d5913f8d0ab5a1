import type { Activity } from '../../../shared/domain/activities'
import type { FakeGoogle } from '../../fakes/google'
import { seedVehicle } from './seed'
import type { SeededReference } from './seed-reference'
import type { ShopHttpClient } from './shop-client'
import { SHOP_CAL } from './google-shop'

/** New York wall time on 2026-03-11/12 (EDT) as a UTC instant. */
export const edt = (local: string): string => new Date(`${local}-04:00`).toISOString()

export interface ReturnedChanges {
  /** Moved in Google from Wed 10:00 to Wed 2:00 PM: it fits. */
  moved: Activity
  /** Deleted in Google: unbooked here. */
  deleted: Activity
  /** Thu 9:00–10:00 in Bay 1: what the two clashes run into. */
  blocker: Activity
  /** Moved in Google from Thu 11:00 onto the blocker's 9:00. */
  clashA: Activity
  /** Moved in Google from Thu 1:00 PM onto 9:30. */
  clashB: Activity
}

/** The shop's event for an activity on the fake's shop calendar. */
export const eventOf = (google: FakeGoogle, activityId: number) =>
  google.events(SHOP_CAL).find((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(activityId))!

/**
 * Five bookings in a shop whose calendar is connected, sent to Google; then someone edits
 * Google Calendar: one booking moved (fits), one deleted, two moved onto a third's time in
 * Bay 1 (clashes). The next "Sync now" brings all four back.
 */
export async function seedReturnedChanges(shop: ShopHttpClient, google: FakeGoogle, ref: SeededReference): Promise<ReturnedChanges> {
  const [bay1, bay2] = [ref.bays[0]!.id, ref.bays[1]!.id]
  const book = async (
    vehicle: { make: string; model: string; year: number; licensePlate: string },
    type: keyof SeededReference['types'],
    start: string,
    end: string,
    bayId: number,
  ) =>
    shop.call('activities.createManual', {
      vehicleId: (await seedVehicle(shop, vehicle)).id,
      activityTypeId: ref.types[type].id,
      start: edt(start),
      end: edt(end),
      bayId,
    })
  const changes: ReturnedChanges = {
    moved: await book({ make: 'Mazda', model: 'CX-5', year: 2021, licensePlate: '2PRY 808' }, 'oil', '2026-03-11T10:00', '2026-03-11T10:45', bay1),
    deleted: await book({ make: 'Ford', model: 'Transit', year: 2020, licensePlate: 'FLEET7' }, 'tires', '2026-03-11T11:00', '2026-03-11T11:30', bay2),
    blocker: await book({ make: 'Honda', model: 'Civic', year: 2019, licensePlate: 'ABC123' }, 'brakes', '2026-03-12T09:00', '2026-03-12T10:00', bay1),
    clashA: await book({ make: 'Toyota', model: 'Tacoma', year: 2018, licensePlate: '7TRK 221' }, 'diagnostic', '2026-03-12T11:00', '2026-03-12T12:00', bay1),
    clashB: await book(
      { make: 'Subaru', model: 'Outback', year: 2017, licensePlate: 'OUT 4040' },
      'transmission',
      '2026-03-12T13:00',
      '2026-03-12T14:30',
      bay1,
    ),
  }
  await shop.call('sync.now', {})
  google.external.move(SHOP_CAL, eventOf(google, changes.moved.id).id, edt('2026-03-11T14:00'), edt('2026-03-11T14:45'))
  google.external.delete(SHOP_CAL, eventOf(google, changes.deleted.id).id)
  google.external.move(SHOP_CAL, eventOf(google, changes.clashA.id).id, edt('2026-03-12T09:00'), edt('2026-03-12T10:00'))
  google.external.move(SHOP_CAL, eventOf(google, changes.clashB.id).id, edt('2026-03-12T09:30'), edt('2026-03-12T11:00'))
  return changes
}
