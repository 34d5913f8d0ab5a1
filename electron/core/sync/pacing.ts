import { AsyncLocalStorage } from 'node:async_hooks'
import type { Ctx } from '../handler'
import type { ServiceContext } from '../services'

/**
 * How long the sync engine may keep the event loop before it lets everything else run: its
 * database steps are synchronous (better-sqlite3) and the core's lock hands over through
 * promises, so batches queued behind each other (8 pushes in flight, 80 for Outlook, every
 * response that arrived in one poll) would otherwise all run in one microtask drain, with
 * the network dispatch between them, and no timer, IPC message or UI call gets in.
 */
export const SYNC_SLICE_MS = 8

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The service context with its `batch` paced: the engine's batches are admitted one at a
 * time (each after the previous one committed) and, once the current slice has used
 * `sliceMs`, the next one waits for a turn of the event loop (`setImmediate`, so pending
 * timers and I/O run first). Batches still each run in their own transaction under the
 * core's lock, in the order they were asked for; only when they start changes.
 *
 * A batch asked for from inside a paced batch skips the queue (it would wait for itself) and
 * goes straight to `batch`, where the lock refuses it with `LockReentryError`, as before.
 *
 * @example
 * start(context) { s = pacedContext(context) }
 */
export function pacedContext(s: ServiceContext, sliceMs = SYNC_SLICE_MS): ServiceContext {
  const inside = new AsyncLocalStorage<true>()
  let sliceStarted = performance.now()
  let tail: Promise<unknown> = Promise.resolve()
  const admit = async (): Promise<void> => {
    if (performance.now() - sliceStarted < sliceMs) return
    await immediate()
    sliceStarted = performance.now()
  }
  return {
    ...s,
    batch<T>(step: (ctx: Ctx) => Promise<T>): Promise<T> {
      if (inside.getStore()) return s.batch(step)
      const run = tail.then(admit).then(() => inside.run(true, () => s.batch(step)))
      tail = run.catch(() => undefined)
      return run
    },
  }
}

/**
 * Work in slices of about `ms`: `due()` says this slice is spent (one clock read); `next()`
 * starts the next one after a turn of the event loop (never inside a batch: the lock is held
 * there; a loop in a batch stops at `due()` and goes on in the next batch instead).
 *
 * @example
 * const slice = timeSlice(); for (...) { apply(item); if (slice.due()) break }
 * const slice = timeSlice(); for (...) { convert(item); if (slice.due()) await slice.next() }
 */
export function timeSlice(ms = SYNC_SLICE_MS) {
  let started = performance.now()
  return {
    due: (): boolean => performance.now() - started >= ms,
    async next(): Promise<void> {
      await immediate()
      started = performance.now()
    },
  }
}
