import type { ScheduleFile } from '../../../shared/domain/invites'
import type { Ctx } from '../handler'
import { findVehicle } from '../vehicles/queries'
import { inviteEvent, visibleEvent } from './event-model'
import { vehicleScheduleFilename } from './filenames'
import { fingerprint } from './fingerprint'
import { writeCalendar } from './ics-writer'
import { loadShopFacts, upcomingVehicleFacts } from './queries'
import { reviseSequences } from './sequence'
import { exportWarnings } from './warnings'
import { shopDay } from '../../../shared/shop-day'
import { vehicleLabel } from '../../../shared/domain/vehicles'

/**
 * One vehicle's upcoming activities as one calendar to import (no METHOD: nothing to
 * answer). Each event keeps the UID and SEQUENCE its invites carry, so importing the
 * schedule and receiving an invite update the same event.
 *
 * @example
 * const file = await exportVehicleSchedule(ctx, 7)
 */
export async function exportVehicleSchedule(ctx: Ctx, vehicleId: number): Promise<ScheduleFile> {
  const now = ctx.clock.now()
  const shop = await loadShopFacts(ctx.db)
  const vehicle = await findVehicle(ctx.db, vehicleId)
  const facts = await upcomingVehicleFacts(ctx.db, vehicleId, {
    nowIso: now.toISOString(),
    today: shopDay(now, shop.timeZone),
  })
  const items = facts.map((f) => ({
    activityId: f.activityId,
    fingerprint: fingerprint(visibleEvent(f, shop)),
    cancelled: f.status === 'cancelled',
  }))
  const sequences = await reviseSequences(ctx.db, items, now)
  const events = facts.map((f) => inviteEvent(f, shop, sequences.get(f.activityId) ?? 0, now))
  if (items.length > 0) ctx.changed('invites')
  const name = { make: vehicle.make, model: vehicle.model, plate: vehicle.license_plate }
  return {
    filename: vehicleScheduleFilename(name),
    content: writeCalendar(events, { calName: `${vehicleLabel(name)}: service schedule` }),
    mimeType: 'text/calendar; charset=utf-8',
    eventCount: events.length,
    warnings: exportWarnings(events.length),
  }
}
