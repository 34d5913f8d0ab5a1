import { userInfo } from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import { openConnection } from './db/connection'
import { migrateToLatest } from './db/migrate'
import { seedDefaults } from './db/seed-defaults'
import { systemClock, type Clock } from './clock'
import { createEvents, type CoreEvents } from './events'
import { consoleLogger, type Logger } from './logger'
import { createLock } from './lock'
import { allHandlers } from './handlers'
import { createInvoke, type Invoke } from './invoke'
import type { Ctx } from './handler'
import { startBackgroundTasks, type Background } from './startup'

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
}

export interface Core {
  /** Validates, runs and answers one call: the function every transport binds. */
  invoke: Invoke
  events: CoreEvents
  /** For tests and benchmarks: the typed database. Transports never touch it. */
  db: Kysely<Database>
  clock: Clock
  /** Work the core does by itself (missed marking); tests trigger its day-change check here. */
  background: Pick<Background, 'checkDayChange'>
  close(): Promise<void>
}

/**
 * Opens the database, migrates it, fills first-start defaults and returns the application.
 *
 * @example
 * const core = await createCore({ dbPath: 'shop.db' })
 * const result = await core.invoke('vehicles.list', {})
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const log = options.log ?? consoleLogger
  const actor = options.actor ?? safeUserName()
  const connection = openConnection({ path: options.dbPath, nativeBinding: options.nativeBinding })
  const { db, sqlite } = connection
  try {
    await migrateToLatest(db)
    await seedDefaults(db, {
      timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      now: clock.now().toISOString(),
    })
  } catch (error) {
    await connection.close()
    throw error
  }

  const events = createEvents()
  const lock = createLock()
  const handlers = allHandlers()

  const makeCtx = (scopedDb: Kysely<Database>, changed: Set<string>): Ctx => ({
    db: scopedDb,
    sqlite,
    clock,
    events,
    log,
    actor,
    changed: (...domains) => domains.forEach((d) => changed.add(d)),
    batch: (fn) => lock.run(() => db.transaction().execute(fn)),
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    nativeBinding: options.nativeBinding,
  })

  const invoke = createInvoke({
    handlers,
    lock,
    log,
    db,
    makeCtx,
    onChanged: (domains) => events.emit('changed', { domains }),
  })

  const background = await startBackgroundTasks({ db, lock, clock, log, events, makeCtx })

  let closed = false
  return {
    invoke,
    events,
    db,
    clock,
    background: { checkDayChange: () => background.checkDayChange() },
    async close() {
      if (closed) return
      closed = true
      background.stop()
      // Wait for the call in flight, then close: nothing half-written is left behind.
      await lock.run(() => connection.close())
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
