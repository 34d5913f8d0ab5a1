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
import type { ChangeSet } from './change-set'
import type { Ctx } from './handler'
import { createServiceRegistry, type Service, type ServiceRegistry } from './services'
import { builtInServices, type BuiltInServiceOptions } from './built-in-services'
import { defaultPorts, type Ports } from './ports'
import { MISSED_SERVICE, type MissedService } from './activities/missed-service'

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
  /**
   * The outside world. Missing ports get safe defaults: secrets in memory only, no browser
   * (the URL is logged), Node's `fetch`.
   */
  ports?: Partial<Ports>
  /** Services to run besides the built-in ones (tests); registered after them. */
  services?: Service[]
  /** Environment for provider endpoints and intervals (SHOP_GOOGLE_*, SHOP_SYNC_INTERVAL_S); defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** Options of the built-in services (tests shorten timeouts and pages). */
  serviceOptions?: BuiltInServiceOptions
}

export interface Core {
  /** Validates, runs and answers one call: the function every transport binds. */
  invoke: Invoke
  events: CoreEvents
  /** For tests and benchmarks: the typed database. Transports never touch it. */
  db: Kysely<Database>
  clock: Clock
  /** Work the core does by itself (missed marking, sync, ...): started, stopped before close. */
  services: Pick<ServiceRegistry, 'get' | 'names' | 'register'>
  /** Tests trigger the missed-activity service's day-change check here. */
  background: Pick<MissedService, 'checkDayChange'>
  ports: Ports
  /** Stops the services, waits for the call in flight, closes the database. */
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
  const ports = defaultPorts(log, options.ports)
  let services: ServiceRegistry | null = null

  const makeCtx = (scopedDb: Kysely<Database>, changes: ChangeSet): Ctx => ({
    db: scopedDb,
    sqlite,
    clock,
    events,
    log,
    actor,
    ports,
    services: { get: (name) => services?.get(name) },
    changed: (...domains) => changes.add(...domains),
    changedRows: (domain, ids) => changes.addRows(domain, ids),
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
    onChanged: (event) => events.emit('changed', event),
  })

  const registry = createServiceRegistry({ db, lock, clock, log, events, ports, makeCtx })
  services = registry
  const env = options.env ?? process.env
  for (const service of [...builtInServices({ env, ...options.serviceOptions }), ...(options.services ?? [])]) registry.register(service)
  await registry.start()
  const missed = registry.get<MissedService>(MISSED_SERVICE)

  let closed = false
  return {
    invoke,
    events,
    db,
    clock,
    services: { get: registry.get, names: registry.names, register: registry.register },
    background: { checkDayChange: () => missed?.checkDayChange() ?? Promise.resolve(0) },
    ports,
    async close() {
      if (closed) return
      closed = true
      await registry.stop()
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
