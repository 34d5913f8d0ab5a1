import type { ReconcileCounts } from '../../../shared/domain/schedule'
import type { Ctx } from '../handler'
import { batchSizeFor } from './batch-size'
import { emptyCounts, reconcileVehicles } from './reconcile'
import type { SchedulingReference } from './reference'
import { schedulingStore } from './store'

/**
 * Reconciles a known set of vehicles inside the caller's transaction (the bulk path of
 * schedule-all, without its commits): chunks sized to ~40 ms, a turn of the event loop and
 * a progress callback after each. For work that must stay all-or-nothing, like an import.
 *
 * @example
 * const counts = await reconcileMany(ctx, ref, newIds, (done) => report(done))
 */
export async function reconcileMany(
  ctx: Ctx,
  ref: SchedulingReference,
  vehicleIds: readonly number[],
  onProgress: (done: number) => void,
): Promise<ReconcileCounts> {
  const counts = emptyCounts()
  const chunkSize = batchSizeFor(ctx.dialect)
  const options = { write: true, now: ctx.clock.now().toISOString(), actor: ctx.actor }
  const store = schedulingStore(ctx)
  let done = 0
  while (done < vehicleIds.length) {
    const slice = vehicleIds.slice(done, done + chunkSize.next())
    const started = performance.now()
    const vehicles = (await store.activeVehicles(slice)).map((v) => ({ id: v.id, onboardingDate: v.onboarding_date }))
    const step = await reconcileVehicles(store, ref, vehicles, options)
    chunkSize.record(slice.length, performance.now() - started)
    counts.add += step.add
    counts.move += step.move
    counts.remove += step.remove
    done += slice.length
    onProgress(done)
    await ctx.yieldToEventLoop()
  }
  return counts
}
