import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { Lock } from './lock'
import type { Ctx } from './handler'
import type { Ports } from './ports'
import { createChangeSet, type ChangeSet } from './change-set'
import type { ChangedEvent } from '../../shared/contract'
import type { Transact } from './db/serializable'
import type { BackgroundWork } from './db/postgres-leader'

/**
 * Background work the core does by itself while it is open (missed marking, calendar sync,
 * the email outbox, backups). The registry starts every service after migrations and stops
 * them all, newest first, before the database closes.
 *
 * The rule a service lives by: network and file I/O happen OUTSIDE the lock, database
 * steps inside `batch` (one short transaction each). `batch` must never wrap a network
 * call, and a step must not call `batch` again (the lock throws `LockReentryError`).
 *
 * @example
 * const heartbeat: Service = {
 *   name: 'heartbeat',
 *   start(s) {
 *     s.every(60_000, async () => {
 *       const reply = await s.ports.fetch('https://example.test/ping') // outside the lock
 *       await s.batch(async (ctx) => { await ctx.db.insertInto(...)...; ctx.changed('sync') })
 *     })
 *   },
 * }
 */
export interface Service {
  /** Unique; used in logs and to look the service up (`core.services.get(name)`). */
  readonly name: string
  /**
   * Background work of the shop as a whole (missed marking, the email outbox): on a shared
   * server it runs (start … stop) only on the one desk that runs background work, and starts
   * on another desk when that one quits or dies. Without it the service starts on every desk
   * (what a user's call asks of it works anywhere); only its `every` ticks are background.
   */
  readonly background?: boolean
  /** Called once, after migrations. A rejection is logged and the core still opens. */
  start(context: ServiceContext): Promise<void> | void
  /** Optional clean-up beyond what `every` and `signal` already stop; awaited before the database closes. */
  stop?(): Promise<void> | void
}

export interface ServiceContext {
  clock: Clock
  log: Logger
  events: CoreEvents
  ports: Ports
  /**
   * Runs one database step under the core's lock in its own transaction, with a full
   * handler `Ctx` (so domain functions that take a Ctx work unchanged). What the step
   * reports with `ctx.changed` is emitted as one `changed` event after it commits.
   * Refused (rejects) once the service is stopping. On PostgreSQL a step may run twice (a
   * serialization failure, db/serializable.ts): keep state from its result, after it returns.
   */
  batch<T>(step: (ctx: Ctx) => Promise<T>): Promise<T>
  /**
   * Runs `task` every `intervalMs` (first run after one interval), never two at once: a
   * run that overlaps the next tick skips that tick. On a shared server a tick runs only on
   * the desk that runs background work. Failures are logged, the next tick
   * tries again. Timers never keep the process alive and stop with the service.
   */
  every(intervalMs: number, task: () => Promise<unknown>): void
  /** Aborted when the service is asked to stop: pass it to `fetch` and long loops. */
  signal: AbortSignal
}

export interface ServiceRegistry {
  /** Adds a service; one registered after `start` starts at once. Names are unique. */
  register(service: Service): void
  get<S extends Service = Service>(name: string): S | undefined
  names(): string[]
  start(): Promise<void>
  /** True while this desk runs the shop's background work (always on a local file). */
  backgroundHere(): boolean
  /** Stops every service (timers, aborts, then `stop()`), newest first; waits for running batches. */
  stop(): Promise<void>
}

export interface ServiceDeps {
  db: Kysely<Database>
  lock: Lock
  clock: Clock
  log: Logger
  events: CoreEvents
  ports: Ports
  makeCtx(db: Kysely<Database>, changes: ChangeSet): Ctx
  /** Runs in a step's transaction before it commits, when the step changed something (a shared server's NOTIFY). */
  beforeCommit?(trx: Kysely<Database>, event: ChangedEvent): Promise<void>
  /** Runs a step's transaction: plain on SQLite, serializable with retries on PostgreSQL (db/serializable.ts). */
  transact?: Transact
  /** Which desk runs background work; every desk when left out (a local file). */
  background?: BackgroundWork
}

interface Running {
  service: Service
  controller: AbortController
  timers: Array<ReturnType<typeof setInterval>>
  inFlight: Set<Promise<unknown>>
}

export function createServiceRegistry(deps: ServiceDeps): ServiceRegistry {
  const services: Service[] = []
  const running = new Map<string, Running>()
  let started = false
  let stopped = false
  const backgroundHere = () => deps.background?.here() ?? true
  // Background services start and stop as this desk gains and loses the background work, one change at a time.
  let transitions: Promise<void> = Promise.resolve()
  let unsubscribe = () => {}

  const contextFor = (run: Running): ServiceContext => ({
    clock: deps.clock,
    log: deps.log,
    events: deps.events,
    ports: deps.ports,
    signal: run.controller.signal,
    async batch(step) {
      if (run.controller.signal.aborted) throw new Error(`The ${run.service.name} service is stopping`)
      const transact: Transact = deps.transact ?? ((db, work) => db.transaction().execute(work))
      let changes = createChangeSet()
      const result = await deps.lock.run(() =>
        transact(deps.db, async (trx) => {
          // A retried step starts afresh: only the attempt that committed says what changed.
          changes = createChangeSet()
          const done = await step(deps.makeCtx(trx, changes))
          if (deps.beforeCommit && !changes.isEmpty()) await deps.beforeCommit(trx, changes.toEvent())
          return done
        }),
      )
      if (!changes.isEmpty()) deps.events.emit('changed', changes.toEvent())
      return result
    },
    every(intervalMs, task) {
      let busy = false
      const timer = setInterval(() => {
        if (busy || run.controller.signal.aborted || !backgroundHere()) return
        busy = true
        const pending = task()
          .catch((error: unknown) => {
            if (!run.controller.signal.aborted) deps.log.error(`The ${run.service.name} service failed`, error)
          })
          .finally(() => {
            busy = false
            run.inFlight.delete(pending)
          })
        run.inFlight.add(pending)
      }, intervalMs)
      // A background timer must never keep a test run or a closing app alive.
      timer.unref()
      run.timers.push(timer)
    },
  })

  const stopOne = async (run: Running): Promise<void> => {
    running.delete(run.service.name)
    run.timers.forEach((t) => clearInterval(t))
    run.controller.abort()
    await Promise.allSettled([...run.inFlight])
    try {
      await run.service.stop?.()
    } catch (error) {
      deps.log.error(`The ${run.service.name} service did not stop cleanly`, error)
    }
  }

  const startOne = async (service: Service): Promise<void> => {
    if (service.background && !backgroundHere()) return
    const run: Running = { service, controller: new AbortController(), timers: [], inFlight: new Set() }
    running.set(service.name, run)
    try {
      await service.start(contextFor(run))
    } catch (error) {
      // One failing service must not keep the shop from opening.
      deps.log.error(`The ${service.name} service could not start`, error)
    }
  }

  return {
    register(service) {
      if (stopped) throw new Error(`The core is closing; ${service.name} cannot be registered`)
      if (services.some((s) => s.name === service.name)) throw new Error(`Two services are named "${service.name}"`)
      services.push(service)
      if (started) void startOne(service)
    },
    get: <S extends Service>(name: string) => services.find((s) => s.name === name) as S | undefined,
    names: () => services.map((s) => s.name),
    backgroundHere,
    async start() {
      if (started) return
      started = true
      for (const service of services) await startOne(service)
      unsubscribe =
        deps.background?.onChange((here) => {
          transitions = transitions.then(async () => {
            if (stopped) return
            for (const service of services.filter((s) => s.background)) {
              const run = running.get(service.name)
              if (here && !run) await startOne(service)
              else if (!here && run) await stopOne(run)
            }
          })
        }) ?? unsubscribe
    },
    async stop() {
      if (stopped) return
      stopped = true
      unsubscribe()
      await transitions
      for (const run of [...running.values()].reverse()) await stopOne(run)
    },
  }
}
