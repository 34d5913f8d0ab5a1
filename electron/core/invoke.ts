import { z } from 'zod'
import type { Kysely } from 'kysely'
import { contract, type ChannelInput, type ChannelName, type ChannelResult } from '../../shared/contract'
import type { AppErrorData, Result } from '../../shared/result'
import type { Database } from './db/database'
import { AppError } from './errors'
import { isLongRunning, type AnyHandler, type Ctx } from './handler'
import type { Lock } from './lock'
import type { Logger } from './logger'
import { sqliteFailure } from './db/sqlite-errors'
import { createChangeSet, type ChangeSet } from './change-set'
import type { ChangedEvent } from '../../shared/contract'
import type { Transact } from './db/serializable'

/** Typed for callers that know the channel (tests, benchmarks); untyped for transports passing strings through. */
export interface Invoke {
  <C extends ChannelName>(channel: C, rawInput: ChannelInput<C>): Promise<Result<ChannelResult<C>>>
  (channel: string, rawInput: unknown): Promise<Result<unknown>>
}

const fail = (error: AppErrorData): Result<never> => ({ ok: false, error })

export function toInvalidInput(error: z.ZodError): AppErrorData {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const first = issues[0]
  return {
    code: 'invalid_input',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid input',
    issues,
  }
}

interface GateDeps {
  handlers: Map<string, AnyHandler>
  lock: Lock
  log: Logger
  /** Null while the database is refused (recovery): only long-running handlers can run then. */
  db: Kysely<Database> | null
  makeCtx(db: Kysely<Database> | null, changes: ChangeSet): Ctx
  onChanged(event: ChangedEvent): void
  /** Runs a call's transaction: plain on SQLite, serializable with retries on PostgreSQL (db/serializable.ts). */
  transact?: Transact
  /** Answers a refusal for channels that must not run now (recovery mode), before any input is read. */
  refuse?(channel: string): AppErrorData | undefined
  /** Told of every refusal that came from SQLite itself, e.g. damage found by a query. */
  onSqliteFailure?(error: AppError): void
  /** Runs in the committing transaction after a handler that changed something (a shared server's NOTIFY to the other desks). */
  beforeCommit?(trx: Kysely<Database>, event: ChangedEvent): Promise<void>
  /** The refusal for an error that means the database server is gone (`offline`), else undefined. */
  connectionLost?(error: unknown): AppError | undefined
}

/**
 * The one gate every call passes, whatever the transport: unknown channels and bad input
 * are answered as data; a handler runs under the lock inside one transaction, so a throw
 * anywhere rolls back everything it wrote.
 */
export function createInvoke(deps: GateDeps): Invoke {
  return async (channel: string, rawInput: unknown): Promise<Result<unknown>> => {
    if (!Object.hasOwn(contract, channel)) {
      return fail({ code: 'unknown_channel', message: `There is no channel "${channel}".` })
    }
    const refusal = deps.refuse?.(channel)
    if (refusal) return fail(refusal)
    const schema = contract[channel as ChannelName].input as z.ZodType
    const parsed = schema.safeParse(rawInput ?? {})
    if (!parsed.success) return fail(toInvalidInput(parsed.error))
    const handler = deps.handlers.get(channel)
    if (!handler) return fail({ code: 'unknown_channel', message: `No handler serves "${channel}".` })

    let changed = createChangeSet()
    const longRunning = isLongRunning(handler)
    const transact: Transact = deps.transact ?? ((db, work) => db.transaction().execute(work))
    try {
      const db = deps.db
      const data = longRunning
        ? await handler(parsed.data, deps.makeCtx(db, changed))
        : db
          ? await deps.lock.run(() =>
              transact(db, async (trx) => {
                // A retried run starts afresh: only the attempt that committed says what changed.
                changed = createChangeSet()
                const result = await handler(parsed.data, deps.makeCtx(trx, changed))
                if (deps.beforeCommit && !changed.isEmpty()) await deps.beforeCommit(trx, changed.toEvent())
                return result
              }),
            )
          : await Promise.reject(new AppError('damaged', 'The database is not open.'))
      if (!changed.isEmpty()) deps.onChanged(changed.toEvent())
      return { ok: true, data }
    } catch (error) {
      // A long job's earlier batches committed before it failed: open pages must still hear of them.
      if (longRunning && !changed.isEmpty()) deps.onChanged(changed.toEvent())
      if (error instanceof AppError) return fail(error.toData())
      if (error instanceof z.ZodError) return fail(toInvalidInput(error))
      const lost = deps.connectionLost?.(error)
      if (lost) return fail(lost.toData())
      const sqlite = sqliteFailure(error)
      if (sqlite) {
        // The log says what the shop was told (disk full, in use, damaged), with SQLite's own words after.
        deps.log.error(`Channel ${channel}: ${sqlite.message}`, error)
        deps.onSqliteFailure?.(sqlite)
        return fail(sqlite.toData())
      }
      deps.log.error(`Channel ${channel} failed`, error)
      return fail({
        code: 'internal',
        message: `Something went wrong and nothing was saved (${error instanceof Error ? error.message : String(error)}).`,
      })
    }
  }
}
