import type { Kysely } from 'kysely'
import type { Database } from './database'
import type { Dialect } from './connection'
import type { Logger } from '../logger'
import { AppError } from '../errors'

/** SQLSTATEs PostgreSQL answers when two desks' transactions cannot both stand as they ran. */
export const SERIALIZATION_FAILURE = '40001'
export const DEADLOCK_DETECTED = '40P01'
/** The database-level belt (migration 2026-12-02-100): two overlapping bookings of one bay or technician. */
export const EXCLUSION_VIOLATION = '23P01'

const RETRYABLE = new Set([SERIALIZATION_FAILURE, DEADLOCK_DETECTED, EXCLUSION_VIOLATION])

export const pgCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * Runs one unit of work in its own transaction. Every write of the gate (a call, a batch of
 * a long job, a service step) goes through one of these.
 */
export type Transact = <T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>

export interface TransactOptions {
  log: Logger
  /** Attempts in all, the first included (default 6). */
  attempts?: number
  /** The first backoff in ms, doubled each retry, with jitter (default 15). */
  backoffMs?: number
  /** Told of each retry (tests and benchmarks count them). */
  onRetry?(code: string, attempt: number): void
}

/** What the gate answers when retries do not get a call through: the same conflict the app's own checks give. */
export const BUSY_MESSAGE =
  'Another desk was changing the same schedule at the same moment and this change could not be fitted in after several tries; nothing was saved. Try again.'
export const CLASH_MESSAGE =
  'Another desk booked the same bay or technician for an overlapping time at the same moment; nothing was saved. Refresh the calendar and choose another time or bay.'

/**
 * SQLite: one desk, one file, one writer (the core's lock): a plain transaction.
 *
 * PostgreSQL: several desks write at once and the core's lock serialises only this one, so
 * every transaction runs SERIALIZABLE: the app's own checks (a bay or technician free, shop
 * capacity, closures, versions) read and then write, and PostgreSQL refuses (40001) the
 * transaction whose reads another desk's commit made stale. The whole unit of work is then
 * run again from the start, on a fresh transaction, after a short jittered backoff: the
 * second run sees the other desk's booking and refuses with the clash named, or fits. A
 * deadlock (40P01) and the bookings' exclusion constraint (23P01, a clash the checks could
 * not see yet) are retried the same way; after the last attempt the shop is told plainly.
 *
 * So a unit of work must be safe to run twice: what it does lives in its transaction (rows,
 * outbox rows, `changed` collected per attempt and emitted after commit); it never calls
 * the network, and anything it keeps in memory outside is set from its result after commit.
 *
 * @example
 * const transact = transactionsFor('postgres', { log })
 * await transact(db, async (trx) => placeAndInsert(trx))
 */
export function transactionsFor(dialect: Dialect, options: TransactOptions): Transact {
  if (dialect === 'sqlite') return (db, work) => db.transaction().execute(work)
  const attempts = options.attempts ?? 6
  const backoffMs = options.backoffMs ?? 15
  return async (db, work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().setIsolationLevel('serializable').execute(work)
      } catch (error) {
        const code = pgCode(error)
        if (!code || !RETRYABLE.has(code)) throw error
        if (attempt >= attempts) {
          options.log.warn(`A transaction failed ${attempts} times with ${code}; refused`)
          throw new AppError('conflict', code === EXCLUSION_VIOLATION ? CLASH_MESSAGE : BUSY_MESSAGE, undefined, { sqlstate: code })
        }
        options.onRetry?.(code, attempt)
        options.log.info(`Transaction retried after ${code} (attempt ${attempt} of ${attempts})`)
        const base = backoffMs * 2 ** (attempt - 1)
        await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base))
      }
    }
  }
}
