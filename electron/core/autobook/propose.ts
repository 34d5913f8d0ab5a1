/**
 * `autobook.propose`: a snapshot read under the lock, the placement computed outside it in
 * slices (the event loop gets a turn every few milliseconds), and every placement then
 * checked by `placeBooking`, the rule every other way of booking goes through, in short
 * batches. Writes nothing.
 */
import { performance } from 'node:perf_hooks'
import type { Ctx } from '../handler'
import type { AutobookProposal, NotPlaced, ProposedBooking } from '../../../shared/domain/autobook'
import { AppError } from '../errors'
import { placeBooking } from '../activities/capacity'
import { getSettingsRow } from '../settings/queries'
import { readSnapshot, type Snapshot, type WorkItem } from './snapshot'
import { placeWork, type Placement } from './placer'
import { addDays } from '../../../shared/dates'

/** How long one batch of checks holds the lock: short enough that the event loop and a booking from the desk never wait long. */
const VERIFY_SLICE_MS = 12

/**
 * @example
 * const proposal = await propose(ctx, { from: '2026-03-09', to: '2026-03-14' })
 */
export async function propose(ctx: Ctx, range: { from: string; to: string }): Promise<AutobookProposal> {
  const snap = await ctx.batch(async (db) => {
    const { time_zone } = await getSettingsRow(db)
    return readSnapshot(db, { ...range, now: ctx.clock.now(), timeZone: time_zone })
  })
  await ctx.yieldToEventLoop()
  const { placed, unplaced } = await placeWork(snap, { pause: () => ctx.yieldToEventLoop() })

  const refused = new Map<number, string>()
  let next = 0
  while (next < placed.length) {
    await ctx.batch(async (db) => {
      const sliceStart = performance.now()
      // A slice of checks under the lock, then a turn for the event loop and for the desk's own calls.
      while (next < placed.length && performance.now() - sliceStart < VERIFY_SLICE_MS) {
        const p = placed[next++]!
        try {
          await placeBooking(
            db,
            snap.timeZone,
            { start: new Date(p.start), end: new Date(p.end), bay: p.bayId, technician: p.technicianId },
            { now: new Date(snap.now), excludeId: p.work.activityId },
          )
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          refused.set(p.work.activityId, error.message)
        }
      }
    })
    await ctx.yieldToEventLoop()
  }

  const items = placed.filter((p) => !refused.has(p.work.activityId)).map((p) => proposed(snap, p))
  const notPlaced: NotPlaced[] = [
    ...placed.filter((p) => refused.has(p.work.activityId)).map((p) => notPlacedOf(snap, p.work, refused.get(p.work.activityId)!)),
    ...unplaced.map((u) => notPlacedOf(snap, u.work, u.reason)),
  ].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.activityId - b.activityId))

  const perDay = new Map<string, { count: number; minutes: number }>()
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) perDay.set(d, { count: 0, minutes: 0 })
  for (const p of placed) {
    if (refused.has(p.work.activityId)) continue
    const day = perDay.get(dayOf(snap, p.start))
    if (day) {
      day.count++
      day.minutes += p.work.minutes
    }
  }
  return {
    from: range.from,
    to: range.to,
    items: items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.bayId ?? 0) - (b.bayId ?? 0))),
    notPlaced,
    perDay: [...perDay].map(([day, v]) => ({ day, ...v })),
    bufferMinutes: snap.bufferMinutes,
    groupDays: snap.groupDays,
  }
}

const dayOf = (snap: Snapshot, ms: number): string => snap.days.find((d) => d.open <= ms && ms < d.close)?.day ?? ''

function proposed(snap: Snapshot, p: Placement): ProposedBooking {
  const w = p.work
  return {
    proposalId: `${w.activityId}@${w.version}`,
    activityId: w.activityId,
    version: w.version,
    vehicleId: w.vehicleId,
    vehicle: w.vehicle,
    plate: w.plate,
    customer: w.customer,
    typeName: w.typeName,
    category: w.category,
    dueDate: w.dueDate,
    overdue: w.dueDate < snap.today,
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    bayId: p.bayId,
    bayName: snap.bays.find((b) => b.id === p.bayId)?.name ?? null,
    technicianId: p.technicianId,
    technicianName: snap.technicians.find((t) => t.id === p.technicianId)?.name ?? null,
    visit: p.visit,
  }
}

const notPlacedOf = (snap: Snapshot, w: WorkItem, reason: string): NotPlaced => ({
  activityId: w.activityId,
  vehicle: w.vehicle,
  plate: w.plate,
  typeName: w.typeName,
  dueDate: w.dueDate,
  overdue: w.dueDate < snap.today,
  reason,
})
