import { userInfo } from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import type { Connection } from './db/connection'
import { systemClock, type Clock } from './clock'
import { createEvents, type CoreEvents } from './events'
import { consoleLogger, type Logger } from './logger'
import { createLock } from './lock'
import { allHandlers } from './handlers'
import { createInvoke, type Invoke } from './invoke'
import { AppError } from './errors'
import type { Ctx } from './handler'
import { startBackgroundTasks } from './startup'
import { createDatabaseHost, type Host, type Problem, type Session } from './database-host'
import { recoveryChannels } from './backups/handlers'
import { startDailyBackups } from './backups/daily-backups'

export interface CoreOptions {
  /** Database file; created with the latest schema when missing. */
  dbPath: string
  clock?: Clock
  log?: Logger
  /** Who acts, for the activity log; defaults to the OS user. */
  actor?: string
  /** Time zone given to a new database's settings; defaults to the system's. */
  timeZone?: string
  /** better-sqlite3 binary built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string
  /** Delay before the full integrity check at start (default 2 s); tests run it by hand. */
  integrityDelayMs?: number
}

export interface Core {
  /** Validates, runs and answers one call: the function every transport binds. */
  invoke: Invoke
  events: CoreEvents
  /** For tests and benchmarks: the typed database of the open file. Transports never touch it. */
  readonly db: Kysely<Database>
  clock: Clock
  /**
   * Work the core does by itself; tests trigger it here: the day-change check (missed
   * marking), the daily backup, the full integrity check.
   */
  background: {
    checkDayChange(): Promise<number>
    backupIfDue(): Promise<boolean>
    checkIntegrity(): Promise<boolean>
  }
  /** The open file's path (it changes when the user opens another one from recovery). */
  openPath(): string
  close(): Promise<void>
}

/**
 * Opens the database, migrates it, fills first-start defaults and returns the application.
 * A damaged file or one from a newer app opens in recovery mode: only the backup and
 * database channels answer, every other one is refused with the problem's code. A file
 * another process has open is refused with an `in_use` error.
 *
 * @example
 * const core = await createCore({ dbPath: 'shop.db' })
 * const result = await core.invoke('vehicles.list', {})
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const log = options.log ?? consoleLogger
  const actor = options.actor ?? safeUserName()
  const events = createEvents()
  const lock = createLock()
  const handlers = allHandlers()

  const startSession = async (connection: Connection | null, problem: Problem | null, { underLock }: { underLock: boolean }): Promise<Session> => {
    if (!connection) return recoverySession(problem!)
    const { db, sqlite } = connection
    const makeCtx = (scopedDb: Kysely<Database> | null, changed: Set<string>): Ctx => ({
      db: scopedDb ?? db,
      sqlite,
      clock,
      events,
      log,
      actor,
      changed: (...domains) => domains.forEach((d) => changed.add(d)),
      batch: (fn) => lock.run(() => db.transaction().execute(fn)),
      yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      nativeBinding: options.nativeBinding,
      database: host,
      backupBefore: (reason) => host.backup(reason),
    })
    const invoke = createInvoke({
      handlers,
      lock,
      log,
      db,
      makeCtx,
      onChanged: (domains) => events.emit('changed', { domains }),
      onSqliteFailure: (error) => {
        if (error.code === 'damaged') void host.enterRecovery({ code: 'damaged', message: error.message })
      },
    })
    const background = await startBackgroundTasks({ db, lock, clock, log, events, makeCtx, deferFirstCheck: underLock })
    const daily = startDailyBackups({ dbPath: () => host.path(), now: () => clock.now(), backup: () => host.backup('daily'), log })
    return {
      connection,
      problem: null,
      invoke,
      checkDayChange: () => background.checkDayChange(),
      backupIfDue: () => daily.runIfDue(),
      stop() {
        daily.stop()
        background.stop()
      },
    }
  }

  const recoverySession = (problem: Problem): Session => {
    const refuse = (): never => {
      throw new AppError(problem.code, problem.message)
    }
    // Only host-level handlers run here; anything reaching for the database is refused.
    const ctx: Ctx = {
      get db(): never {
        return refuse()
      },
      get sqlite(): never {
        return refuse()
      },
      clock,
      events,
      log,
      actor,
      changed: () => {},
      batch: async () => refuse(),
      yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
      nativeBinding: options.nativeBinding,
      database: host,
      backupBefore: async () => refuse(),
    }
    const invoke = createInvoke({
      handlers,
      lock,
      log,
      db: null,
      makeCtx: () => ctx,
      onChanged: (domains) => events.emit('changed', { domains }),
      refuse: (channel) => (recoveryChannels.has(channel) ? undefined : { code: problem.code, message: problem.message }),
    })
    return { connection: null, problem, invoke, checkDayChange: async () => 0, backupIfDue: async () => false, stop() {} }
  }

  const host: Host = createDatabaseHost({
    path: options.dbPath,
    clock,
    log,
    events,
    lock,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    nativeBinding: options.nativeBinding,
    startSession,
    integrityDelayMs: options.integrityDelayMs,
  })
  await host.start()

  let closed = false
  return {
    invoke: ((channel: string, input: unknown) => host.current().invoke(channel, input)) as Invoke,
    events,
    get db(): Kysely<Database> {
      const connection = host.current().connection
      if (!connection) throw new Error('The database is in recovery mode; there is no open database.')
      return connection.db
    },
    clock,
    background: {
      checkDayChange: () => host.current().checkDayChange(),
      backupIfDue: () => host.current().backupIfDue(),
      checkIntegrity: () => host.checkIntegrity(),
    },
    openPath: () => host.path(),
    async close() {
      if (closed) return
      closed = true
      // Waits for the call in flight, then closes: nothing half-written is left behind.
      await host.close()
    },
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'staff'
  } catch {
    return 'staff'
  }
}
