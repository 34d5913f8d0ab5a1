import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { ScheduleFile } from '../../../shared/domain/invites'
import type { Ctx } from '../handler'
import { inviteEvent, visibleEvent, type InviteEvent } from './event-model'
import type { ShopFacts } from './facts'
import { rangeFilename } from './filenames'
import { fingerprint } from './fingerprint'
import { calendarWriter } from './ics-writer'
import { pacer } from './pacer'
import { findInviteFactsByIds, loadShopFacts, rangeActivityIds } from './queries'
import { reviseSequences } from './sequence'
import { exportWarnings } from './warnings'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

/** Activities read (and their revisions recorded) per short transaction. */
export const RANGE_READ_CHUNK = 200
/**
 * Time one formatting chunk may hold the event loop. The app allows 100 ms; garbage
 * collection and a loaded machine come on top, so aim far below it.
 */
export const FORMAT_BUDGET_MS = 15
/** Progress events at most this often: enough for a smooth bar, few enough for IPC. */
const PROGRESS_EVERY_MS = 100

export interface RangeInput {
  from: string
  to: string
  includeCancelled: boolean
  job?: string
}

/**
 * Every activity of the shop in a date range (shop-local days, both ends included) as one
 * calendar to import, for a manager's offline review. Runs in chunks: each chunk reads its
 * facts and records its revisions in a short transaction, then is formatted outside the
 * lock in pieces sized to a time budget, yielding to the event loop between pieces and
 * reporting `progress`.
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
      fromIso: startOfShopDay(input.from, shopFacts.timeZone).toISOString(),
      toIso: startOfShopDay(addDays(input.to, 1), shopFacts.timeZone).toISOString(),
      includeCancelled: input.includeCancelled,
    })
    return { shop: shopFacts, ids: activityIds }
  })

  const total = ids.length
  let done = 0
  let lastReport = 0
  const progress = (finished: boolean) => {
    const at = performance.now()
    if (!finished && done > 0 && at - lastReport < PROGRESS_EVERY_MS) return
    lastReport = at
    ctx.events.emit('progress', { job, label, done, total, finished })
  }
  const calendar = calendarWriter({ calName: `${shop.name || 'Shop'}: ${input.from} to ${input.to}` })
  const pace = pacer({ budgetMs: FORMAT_BUDGET_MS, first: 20, max: 100 })
  let written = 0
  progress(false)
  try {
    for (let i = 0; i < total; i += RANGE_READ_CHUNK) {
      const slice = ids.slice(i, i + RANGE_READ_CHUNK)
      const events = await ctx.batch((db) => chunkEvents(db, slice, shop, ctx.clock.now()))
      await ctx.yieldToEventLoop()
      for (let j = 0; j < events.length;) {
        const part = events.slice(j, j + pace.size())
        pace.run(part.length, () => calendar.add(part))
        j += part.length
        written += part.length
        done = i + j
        progress(false)
        await ctx.yieldToEventLoop()
      }
      // Activities removed since the ids were read still count as handled.
      done = Math.min(i + RANGE_READ_CHUNK, total)
    }
  } finally {
    // Also on failure, so a progress bar never waits for a job that is gone.
    progress(true)
  }
  if (written > 0) ctx.changed('invites')
  return {
    filename: rangeFilename(shop.name, input.from, input.to),
    content: calendar.finish(),
    mimeType: 'text/calendar; charset=utf-8',
    eventCount: written,
    warnings: exportWarnings(written),
  }
}

async function chunkEvents(db: Parameters<Parameters<Ctx['batch']>[0]>[0], ids: number[], shop: ShopFacts, now: Date): Promise<InviteEvent[]> {
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
