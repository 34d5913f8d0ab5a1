import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * One writer at a time. better-sqlite3 has one connection, and the scheduler's raw
 * statements bypass Kysely's own connection mutex, so every handler runs under this lock;
 * long jobs and background services take it per batch so other calls get through between
 * batches.
 *
 * The lock is not re-entrant: a function running under it that asks for it again would
 * wait for itself forever. `run` detects that (through the async context the outer `run`
 * started) and throws `LockReentryError` at once instead.
 */
export interface Lock {
  run<T>(fn: () => Promise<T> | T): Promise<T>
  /** True while the caller's async context is inside `run` (for assertions in services). */
  held(): boolean
}

/** Thrown when code under the lock asks for the lock again: a bug, named, instead of a silent deadlock. */
export class LockReentryError extends Error {
  constructor() {
    super(
      'The core lock was requested by code that already holds it (a handler or batch calling ctx.batch, or a service nesting batches). ' +
        'Run the inner step directly on the transaction you have instead.',
    )
    this.name = 'LockReentryError'
  }
}

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve()
  // A holder object rather than a boolean: a timer or promise created under the lock
  // inherits the async context, and must not look like a holder once `fn` has finished.
  const context = new AsyncLocalStorage<{ holding: boolean }>()
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      if (context.getStore()?.holding) return Promise.reject(new LockReentryError())
      const result = tail.then(async () => {
        const holder = { holding: true }
        try {
          return await context.run(holder, fn)
        } finally {
          holder.holding = false
        }
      })
      tail = result.catch(() => undefined)
      return result
    },
    held: () => context.getStore()?.holding === true,
  }
}
