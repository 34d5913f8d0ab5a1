import { randomUUID } from 'node:crypto'
import type { ScheduleFile } from '../../../shared/domain/invites'
import type { Ctx } from '../handler'
import { inviteEvent, nextDate, visibleEvent, type InviteEvent } from './event-model'
import type { ShopFacts } from './facts'
import { rangeFilename } from './filenames'
import { fingerprint } from './fingerprint'
import { calendarWriter } from './ics-writer'
import { startOfLocalDay } from './local-time'
import { findInviteFactsByIds, loadShopFacts, rangeActivityIds } from './queries'
import { reviseSequences } from './sequence'
import { warningsFor } from './warnings'

/**
 * Events per chunk. `ics` validates about 3,000 events/s on a slow machine, so a chunk of
 * 100 holds the event loop for about 35 ms, well under the 100 ms the app allows.
 */
export const RANGE_CHUNK = 100

export interface RangeInput {
  from: string
  to: string
  includeCancelled: boolean
  job?: string
}

/**
 * Every activity of the shop in a date range (shop-local days, both ends included) as one
 * calendar to import, for a manager's offline review. Runs in chunks: each chunk reads its
 * facts and records its revisions in a short transaction, is formatted outside the lock,
 * reports `progress` and lets the event loop breathe before the next.
 *
 * @example
 * const file = await exportShopRange(ctx, { from: '2025-03-01', to: '2025-03-31', includeCancelled: false })
 */
export async function exportShopRange(ctx: Ctx, input: RangeInput): Promise<ScheduleFile> {
  const job = input.job ?? `invites.exportRange:${randomUUID()}`
  const label = `Exporting ${input.from} to ${input.to}`
  const { shop, ids } = await ctx.batch(async (db) => {
    const shopFacts = await loadShopFacts(db)
    const activityIds = await rangeActivityIds(db, {
      from: input.from,
      to: input.to,
      fromIso: startOfLocalDay(input.from, shopFacts.timeZone),
      toIso: startOfLocalDay(nextDate(input.to), shopFacts.timeZone),
      includeCancelled: input.includeCancelled,
    })
    return { shop: shopFacts, ids: activityIds }
  })

  const total = ids.length
  const progress = (done: number, finished: boolean) =>
    ctx.events.emit('progress', { job, label, done, total, finished })
  const calendar = calendarWriter({ calName: `${shop.name || 'Shop'}: ${input.from} to ${input.to}` })
  let written = 0
  let withoutAttendee = 0
  progress(0, false)
  try {
    for (let i = 0; i < total; i += RANGE_CHUNK) {
      const events = await ctx.batch((db) => chunkEvents(db, ids.slice(i, i + RANGE_CHUNK), shop, ctx.clock.now()))
      calendar.add(events)
      written += events.length
      withoutAttendee += events.filter((e) => !e.attendee).length
      progress(Math.min(i + RANGE_CHUNK, total), false)
      await ctx.yieldToEventLoop()
    }
  } finally {
    // Also on failure, so a progress bar never waits for a job that is gone.
    progress(Math.min(written, total), true)
  }
  if (written > 0) ctx.changed('invites')
  return {
    filename: rangeFilename(shop.name, input.from, input.to),
    content: calendar.finish(),
    mimeType: 'text/calendar; charset=utf-8',
    eventCount: written,
    warnings: warningsFor({ total: written, withoutAttendee }, shop),
  }
}

async function chunkEvents(
  db: Parameters<Parameters<Ctx['batch']>[0]>[0],
  ids: number[],
  shop: ShopFacts,
  now: Date,
): Promise<InviteEvent[]> {
  const facts = await findInviteFactsByIds(db, ids)
  const sequences = await reviseSequences(
    db,
    facts.map((f) => ({
      activityId: f.activityId,
      fingerprint: fingerprint(visibleEvent(f, shop)),
      cancelled: f.status === 'cancelled',
    })),
    now,
  )
  return facts.map((f) => inviteEvent(f, shop, sequences.get(f.activityId) ?? 0, now))
}
