import type { ReconcileCounts } from '../../../shared/domain/schedule'
import type { Ctx } from '../handler'
import { emptyCounts, reconcileVehicles } from './reconcile'
import { loadReference } from './reference'
import { statementsFor } from './statements'

/**
 * Vehicles per batch. One batch of 3-template vehicles writes about 6,000 rows, a few tens
 * of milliseconds: short enough that the main process is never blocked for 100 ms, long
 * enough that committing per batch costs little.
 */
export const BATCH_VEHICLES = 400

export interface ScheduleAllRun extends ReconcileCounts {
  vehicles: number
}

/**
 * Reconciles every active vehicle (or only counts, when `write` is false), in batches
 * that each run in their own transaction under the lock, with a progress event and a
 * turn of the event loop between batches. Reference data is read once for the run.
 *
 * @example
 * const counts = await scheduleAll(ctx, { write: true, label: 'Scheduling' })
 */
export async function scheduleAll(ctx: Ctx, { write, label }: { write: boolean; label: string }): Promise<ScheduleAllRun> {
  const job = write ? 'schedule-all' : 'schedule-preview'
  const now = ctx.clock.now()
  const { ref, total } = await ctx.batch(async () => ({
    ref: loadReference(ctx.sqlite, now),
    total: statementsFor(ctx.sqlite).countActiveVehicles.get()?.n ?? 0,
  }))
  const counts = emptyCounts()
  const options = { write, now: now.toISOString(), actor: ctx.actor }
  ctx.events.emit('progress', { job, label, done: 0, total, finished: false })

  let done = 0
  let after = 0
  for (;;) {
    const step = await ctx.batch(async () => {
      const st = statementsFor(ctx.sqlite)
      const vehicles = st.activeVehiclesAfter
        .all(after, BATCH_VEHICLES)
        .map((v) => ({ id: v.id, onboardingDate: v.onboarding_date }))
      return { vehicles, counts: reconcileVehicles(ctx.sqlite, ref, vehicles, options) }
    })
    const lastVehicle = step.vehicles[step.vehicles.length - 1]
    if (!lastVehicle) break
    after = lastVehicle.id
    done += step.vehicles.length
    counts.add += step.counts.add
    counts.move += step.counts.move
    counts.remove += step.counts.remove
    // A vehicle activated during the run may push `done` past the first count.
    ctx.events.emit('progress', { job, label, done, total: Math.max(total, done), finished: false })
    await ctx.yieldToEventLoop()
  }
  ctx.events.emit('progress', { job, label, done, total: Math.max(total, done), finished: true })
  if (write && counts.add + counts.move + counts.remove > 0) ctx.changed('activities')
  return { ...counts, vehicles: done }
}
