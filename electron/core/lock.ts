/**
 * One writer at a time. better-sqlite3 has one connection, and the scheduler's raw
 * statements bypass Kysely's own connection mutex, so every handler runs under this lock;
 * long jobs take it per batch so other calls get through between batches.
 */
export interface Lock {
  run<T>(fn: () => Promise<T> | T): Promise<T>
}

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      const result = tail.then(fn)
      tail = result.catch(() => undefined)
      return result
    },
  }
}
