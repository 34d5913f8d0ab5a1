import type { ReconcileCounts } from '../../../shared/domain/schedule'
import type { Ctx } from '../handler'
import { batchSizeFor } from './batch-size'
import { checkpointOffThread } from './checkpointer'
import { emptyCounts, reconcileVehicles } from './reconcile'
import { loadReference } from './reference'
import { schedulingStore } from './store'

/** Work per transaction: beyond this, the current chunk is the last before a commit. */
const TRANSACTION_MS = 200

export interface ScheduleAllRun extends ReconcileCounts {
  vehicles: number
}

/**
 * Reconciles every active vehicle (or only counts, when `write` is false) in chunks sized
 * to take about 40 ms each, with a progress event and a turn of the event loop after
 * each; chunks are committed together, a transaction under the lock every ~200 ms of work.
 * Reference data is read once for the run; the vehicles of a chunk with one query each.
 *
 * @example
 * const counts = await scheduleAll(ctx, { write: true, label: 'Scheduling' })
 */
export async function scheduleAll(ctx: Ctx, { write, label }: { write: boolean; label: string }): Promise<ScheduleAllRun> {
  // One job name for preview and apply: the label tells them apart, and one progress bar follows both.
  const job = 'schedule-all'
  const now = ctx.clock.now()
  const chunkSize = batchSizeFor(ctx.dialect)
  // The ids are a snapshot; each batch re-reads its vehicles, so one deactivated meanwhile
  // is skipped; one onboarded or reactivated meanwhile is planned by its own trigger.
  const { ref, ids } = await ctx.batch(async (db) => {
    const store = schedulingStore({ dialect: ctx.dialect, sqlite: ctx.sqlite, db })
    return { ref: await loadReference(store, now), ids: await store.activeVehicleIds() }
  })
  const total = ids.length
  const counts = emptyCounts()
  const options = { write, now: now.toISOString(), actor: ctx.actor }
  ctx.events.emit('progress', { job, label, done: 0, total, finished: false })

  let done = 0
  let reconciled = 0
  const checkpoints = checkpointOffThread(ctx)
  if (write) void checkpoints.start()
  try {
    while (done < total) {
      // One transaction spans several chunks, with a turn of the event loop between chunks:
      // the thread is never held for long, while commits stay few. Each commit writes every
      // index page the transaction touched (the due-date indexes are touched all over), so a
      // commit per small chunk rewrites the same pages again and again; a commit per ~200 ms
      // also stays short itself. Other calls wait for the lock meanwhile (~200 ms at most).
      await ctx.batch(async (db) => {
        const store = schedulingStore({ dialect: ctx.dialect, sqlite: ctx.sqlite, db })
        const committing = performance.now() + TRANSACTION_MS
        while (done < total && performance.now() < committing) {
          checkpoints.duringTransaction()
          const slice = ids.slice(done, done + chunkSize.next())
          const started = performance.now()
          const vehicles = (await store.activeVehicles(slice)).map((v) => ({ id: v.id, onboardingDate: v.onboarding_date }))
          const step = await reconcileVehicles(store, ref, vehicles, options)
          chunkSize.record(slice.length, performance.now() - started)
          done += slice.length
          reconciled += vehicles.length
          counts.add += step.add
          counts.move += step.move
          counts.remove += step.remove
          ctx.events.emit('progress', { job, label, done, total, finished: false })
          await ctx.yieldToEventLoop()
        }
      })
      checkpoints.afterCommit()
      await ctx.yieldToEventLoop()
    }
  } finally {
    await checkpoints.finish()
  }
  ctx.events.emit('progress', { job, label, done, total, finished: true })
  if (write && counts.add + counts.move + counts.remove > 0) ctx.changed('activities')
  return { ...counts, vehicles: reconciled }
}
