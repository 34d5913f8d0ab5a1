import type { Kysely } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'
import type { ChannelName, ChannelParsed, ChannelResult, DataDomain, Domain } from '../../shared/contract'
import type { Database } from './db/database'
import type { Dialect } from './db/connection'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { BackupDetails } from '../../shared/domain/backups'
import type { DatabaseHost } from './database-host'
import type { Ports } from './ports'
import type { ServiceRegistry } from './services'
import type { Desk } from './desk/desk'

/** What every handler receives besides its parsed input. */
export interface Ctx {
  /** Inside an ordinary handler: the call's own transaction, committed only if it returns. */
  db: Kysely<Database>
  /** Which database this call runs on: the local SQLite file or a shop's PostgreSQL server. */
  dialect: Dialect
  /** The raw handle on the same connection; see `Connection.sqlite` for the hazard. Null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null
  clock: Clock
  events: CoreEvents
  log: Logger
  /** Who is acting, for the activity log: the desk's worker, else the computer's account. */
  actor: string
  /** This desk's worker (`desk.*` channels). */
  desk: Desk
  /** Says which domains this call changed; `changed` is emitted once, after commit. */
  changed(...domains: DataDomain[]): void
  /** Says which rows of a domain this call changed, so pages showing others need not refresh. */
  changedRows(domain: DataDomain, ids: Iterable<number>): void
  /** The outside world: secrets, the system browser, the HTTP client. Never used under the lock for network. */
  ports: Ports
  /** The background services, for channels that hand work to one (sync now, connect). */
  services: Pick<ServiceRegistry, 'get'>
  /**
   * For long-running handlers only: runs `fn` under the core's lock in its own transaction
   * (one batch of a bulk job). Ordinary handlers already run that way. On PostgreSQL a batch
   * may run twice (a serialization failure, db/serializable.ts): count what it did from its
   * result after it returns, not in variables outside it.
   */
  batch<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>
  /** Resolves after the event loop had a turn, so a long job never blocks it for long. */
  yieldToEventLoop(): Promise<void>
  /** The better-sqlite3 binary main opened the database with (Electron's ABI), for worker threads to open it too. */
  nativeBinding?: string
  /** The database file as a whole: its backups, a restore, another file. */
  database: DatabaseHost
  /**
   * Takes a checked backup before bulk work (an import, schedule-all, a restore), e.g.
   * `await ctx.backupBefore('before-import')`. It takes the core's lock itself, so call it
   * from a long-running handler before its batches, never inside `ctx.batch`. Null on a
   * shared PostgreSQL server, which keeps its own backups.
   */
  backupBefore(reason: BulkReason): Promise<BackupDetails | null>
}

/** Why bulk work backs up first; the reason is part of the backup's file name. */
export type BulkReason = 'before-schedule-all' | 'before-import' | 'before-restore' | 'before-bulk'

export type Handler<C extends ChannelName> = (input: ChannelParsed<C>, ctx: Ctx) => Promise<ChannelResult<C>> | ChannelResult<C>

/** A domain's handlers: exactly the channels of the contract named `<domain>.*`. */
export type HandlerMap<D extends Domain> = {
  [C in ChannelName as C extends `${D}.${string}` ? C : never]: Handler<C>
}

const LONG_RUNNING = Symbol('longRunning')

/**
 * Marks a handler that manages its own batches (with `ctx.batch`) instead of running
 * whole under the lock in one transaction, e.g. schedule-all over ten thousand vehicles.
 */
export function longRunning<C extends ChannelName>(handler: Handler<C>): Handler<C> {
  return Object.assign(handler, { [LONG_RUNNING]: true })
}

export const isLongRunning = (handler: unknown): boolean => typeof handler === 'function' && LONG_RUNNING in handler

export type AnyHandler = (input: unknown, ctx: Ctx) => unknown

/** Merges per-domain maps into one, refusing a channel that two maps both claim. */
export function mergeHandlers(...maps: Array<Record<string, unknown>>): Map<string, AnyHandler> {
  const merged = new Map<string, AnyHandler>()
  for (const map of maps) {
    for (const [channel, handler] of Object.entries(map)) {
      if (merged.has(channel)) throw new Error(`Two handlers claim the channel "${channel}"`)
      merged.set(channel, handler as AnyHandler)
    }
  }
  return merged
}
