import { userInfo } from 'node:os'
import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import type { Connection, Dialect } from './db/connection'
import { systemClock, type Clock } from './clock'
import { createEvents, type CoreEvents } from './events'
import { consoleLogger, type Logger } from './logger'
import { createLock } from './lock'
import { allHandlers, recoveryChannels } from './handlers'
import { createInvoke, type Invoke } from './invoke'
import { AppError } from './errors'
import type { ChangeSet } from './change-set'
import type { Ctx } from './handler'
import { createServiceRegistry, type Service, type ServiceRegistry } from './services'
import { builtInServices, type BuiltInServiceOptions } from './built-in-services'
import { defaultPorts, type Ports } from './ports'
import { MISSED_SERVICE, type MissedService } from './activities/missed-service'
import { createDatabaseHost, type Host, type Problem, type Session } from './database-host'
import { BACKUP_SERVICE, dailyBackupService, type BackupService } from './backups/backup-service'
import { openDesk } from './desk/desk'
import { serverAddress } from './database/database-choice'
import { createServerHost } from './server-host'
import { transactionsFor } from './db/serializable'
import { postgresLeader, thisDeskOnly, type BackgroundHolder, type BackgroundLeader } from './db/postgres-leader'

export interface CoreOptions {
  /** Database file; created with the latest schema when missing. Unused when `dbUrl` is given. */
  dbPath: string
  /**
   * A shop's shared PostgreSQL database (`postgres://user@host:port/database`) instead of the
   * local file; migrated and seeded on first use like a new file.
   */
  dbUrl?: string
  /** The database password from the secret store, when `dbUrl` holds none. */
  dbPassword?: string
  clock?: Clock
  log?: Logger
  /** Who acts, for the activity log, until a worker is chosen at this desk (`desk.setWorker`); defaults to the OS user. */
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
  /** Delay before the full integrity check at start (default 2 s); tests run it by hand. */
  integrityDelayMs?: number
  /** Environment for provider endpoints and intervals (SHOP_GOOGLE_*, SHOP_SYNC_INTERVAL_S); defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** Options of the built-in services (tests shorten timeouts and pages). */
  serviceOptions?: BuiltInServiceOptions
}

export interface Core {
  /** Validates, runs and answers one call: the function every transport binds. */
  invoke: Invoke
  events: CoreEvents
  /** For tests and benchmarks: the typed database of the open file. Transports never touch it. */
  readonly db: Kysely<Database>
  /** Which kind of database is open: the local file or a shared server. */
  readonly dialect: Dialect
  clock: Clock
  /** Work the core does by itself (missed marking, backups, sync, ...) on the open file: started, stopped before close. */
  services: Pick<ServiceRegistry, 'get' | 'names' | 'register'> & {
    /** Which desk runs the shop's background work: always this one on a local file, one of them on a shared server. */
    background(): Promise<BackgroundHolder>
  }
  /**
   * Tests trigger background work here: the missed-activity service's day-change check,
   * the daily backup, the full integrity check.
   */
  background: {
    checkDayChange(): Promise<number>
    backupIfDue(): Promise<boolean>
    checkIntegrity(): Promise<boolean>
  }
  ports: Ports
  /** The open file's path (it changes when the user opens another one from recovery). */
  openPath(): string
  /** Stops the services, waits for the call in flight, closes the database. */
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
  const events = createEvents()
  const lock = createLock()
  const handlers = allHandlers()
  const ports = defaultPorts(log, options.ports)
  const envUrl = (options.env ?? process.env).SHOP_DB_URL?.trim()
  const desk = await openDesk(ports.desk, options.actor ?? safeUserName(), () => ({
    inUse: options.dbUrl ? { kind: 'server', url: serverAddress(options.dbUrl) } : { kind: 'file', path: host.path() },
    environment: envUrl ? serverAddress(envUrl) : null,
  }))
  let sessionLeader: BackgroundLeader = thisDeskOnly

  const baseCtx = (changes: ChangeSet) => ({
    clock,
    events,
    log,
    // Read per call: a worker chosen at the desk names every change made after it.
    actor: desk.state().actor,
    desk,
    ports,
    changed: (...domains: Parameters<ChangeSet['add']>) => changes.add(...domains),
    changedRows: (domain: Parameters<ChangeSet['addRows']>[0], ids: Iterable<number>) => changes.addRows(domain, ids),
    yieldToEventLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
    services: { get: <S extends Service = Service>(name: string) => host.current().services?.get<S>(name) },
    nativeBinding: options.nativeBinding,
    database: host,
  })

  const openSession = (connection: Connection): Session => {
    const { db, sqlite, dialect, server } = connection
    const beforeCommit = server?.announce
    // Several desks on one server: serializable transactions with retries, background work on one desk (db/serializable.ts, db/postgres-leader.ts).
    const transact = transactionsFor(dialect, { log })
    const leader = dialect === 'postgres' && options.dbUrl ? postgresLeader({ url: options.dbUrl, password: options.dbPassword, log }) : thisDeskOnly
    const makeCtx = (scopedDb: Kysely<Database> | null, changes: ChangeSet): Ctx => ({
      ...baseCtx(changes),
      db: scopedDb ?? db,
      dialect,
      sqlite,
      batch: (fn) =>
        lock.run(() =>
          transact(db, async (trx) => {
            const result = await fn(trx)
            // A long job's batch tells the other desks at once, as its own desk hears at the end.
            if (beforeCommit && !changes.isEmpty()) await beforeCommit(trx, changes.toEvent())
            return result
          }),
        ),
      backupBefore: (reason) => host.backupBefore(reason),
    })
    const invoke = createInvoke({
      handlers,
      lock,
      log,
      db,
      makeCtx,
      transact,
      onChanged: (event) => events.emit('changed', event),
      onSqliteFailure: (error) => {
        if (error.code === 'damaged') void host.enterRecovery({ code: 'damaged', message: error.message })
      },
      beforeCommit,
      connectionLost: server?.refusal,
      // While the server is away, only the channels that never need it (database status) answer.
      refuse: server && ((channel) => (recoveryChannels.has(channel) ? undefined : server.refusal()?.toData())),
    })
    const services = createServiceRegistry({ db, lock, clock, log, events, ports, makeCtx, beforeCommit, transact, background: leader })
    const all = [
      ...builtInServices({ env: options.env ?? process.env, ...options.serviceOptions }),
      // A shared server is backed up on the server; a desk backs up only its own file.
      ...(dialect === 'sqlite' ? [dailyBackupService({ dbPath: () => host.path(), backup: () => host.backup('daily') })] : []),
      ...(options.services ?? []),
    ]
    for (const service of all) services.register(service)
    sessionLeader = leader
    return {
      connection,
      problem: null,
      invoke,
      services,
      async start() {
        await leader.start()
        await services.start()
      },
      async stop() {
        await services.stop()
        await leader.stop()
      },
    }
  }

  const recoverySession = (problem: Problem): Session => {
    const refuse = (): never => {
      throw new AppError(problem.code, problem.message)
    }
    // Only the host-level handlers run here; anything reaching for the database is refused.
    const makeCtx = (_db: Kysely<Database> | null, changes: ChangeSet): Ctx => ({
      ...baseCtx(changes),
      get db(): never {
        return refuse()
      },
      get dialect(): never {
        return refuse()
      },
      get sqlite(): never {
        return refuse()
      },
      batch: async () => refuse(),
      backupBefore: async () => refuse(),
    })
    const invoke = createInvoke({
      handlers,
      lock,
      log,
      db: null,
      makeCtx,
      onChanged: (event) => events.emit('changed', event),
      refuse: (channel) => (recoveryChannels.has(channel) ? undefined : { code: problem.code, message: problem.message }),
    })
    return { connection: null, problem, invoke, services: null, start: async () => {}, stop: async () => {} }
  }

  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const createSession = (connection: Connection | null, problem: Problem | null) => (connection ? openSession(connection) : recoverySession(problem!))
  const host: Host = options.dbUrl
    ? createServerHost({ url: options.dbUrl, password: options.dbPassword, clock, log, events, lock, timeZone, createSession })
    : createDatabaseHost({
        path: options.dbPath,
        clock,
        log,
        events,
        lock,
        timeZone,
        nativeBinding: options.nativeBinding,
        createSession,
        integrityDelayMs: options.integrityDelayMs,
      })
  await host.start()

  const services = () => host.current().services
  let closed = false
  return {
    invoke: ((channel: string, input: unknown) => host.current().invoke(channel, input)) as Invoke,
    events,
    get db(): Kysely<Database> {
      const connection = host.current().connection
      if (!connection) throw new Error('The database is in recovery mode; there is no open database.')
      return connection.db
    },
    get dialect(): Dialect {
      return options.dbUrl ? 'postgres' : 'sqlite'
    },
    clock,
    services: {
      get: <S extends Service = Service>(name: string) => services()?.get<S>(name),
      names: () => services()?.names() ?? [],
      register: (service) => {
        const registry = services()
        if (!registry) throw new Error('The database is in recovery mode; no service can run.')
        registry.register(service)
      },
      background: () => (services() ? sessionLeader.holder() : Promise.resolve({ here: false, desk: null })),
    },
    background: {
      checkDayChange: () => services()?.get<MissedService>(MISSED_SERVICE)?.checkDayChange() ?? Promise.resolve(0),
      backupIfDue: () => services()?.get<BackupService>(BACKUP_SERVICE)?.runIfDue() ?? Promise.resolve(false),
      checkIntegrity: () => host.checkIntegrity(),
    },
    ports,
    openPath: () => host.path(),
    async close() {
      if (closed) return
      closed = true
      // Stops the services, waits for the call in flight, then closes: nothing half-written is left behind.
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
