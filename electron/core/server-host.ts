import type { DatabaseStatus } from '../../shared/domain/backups'
import { dataDomains } from '../../shared/contract'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { Lock } from './lock'
import type { Connection } from './db/connection'
import type { Host, Problem, Session } from './database-host'
import { AppError } from './errors'
import { openPostgresDatabase } from './db/open-postgres'
import { isConnectionLoss, redactUrl } from './db/postgres-connection'
import { createServerWatch, probeServer } from './db/server-watch'
import { announceChanges, listenForChanges, type ChangeListener } from './db/postgres-notify'
import { randomUUID } from 'node:crypto'

export interface ServerHostDeps {
  /** `postgres://user[:password]@host:port/database` */
  url: string
  /** The password from the secret store, when the URL holds none. */
  password?: string
  clock: Clock
  log: Logger
  events: CoreEvents
  lock: Lock
  timeZone: string
  createSession(connection: Connection | null, problem: Problem | null): Session
  /** How often a desk that lost the server asks again (default 3 s); tests shorten it. */
  probeMs?: number
}

const SERVER_BACKUPS =
  "This desk uses the shop's shared database server, which is backed up on the server (for example with pg_dump), not from a desk. Backups and restores here are for a local database file."

/**
 * The host of a desk on a shop's PostgreSQL server. There is no file to lock, check, back
 * up or swap: the server owns all of that. What stays is the session (the gate and the
 * services on one open pool) and recovery mode when the server cannot be used (not
 * reachable, wrong password, a newer schema), where only the database channels answer.
 */
export function createServerHost(deps: ServerHostDeps): Host {
  const where = redactUrl(deps.url)
  let session: Session | null = null
  let listener: ChangeListener | null = null
  const open = () => session!
  const refusedForBackups = () => new AppError('refused', SERVER_BACKUPS)
  // Names this desk in its announcements, so it does not hear its own changes twice.
  const desk = randomUUID()

  const refreshScreens = async () => {
    deps.events.emit('database', await status())
    // Nothing was heard from the other desks while away: every read on screen may be behind.
    deps.events.emit('changed', { domains: [...dataDomains] })
  }

  const watch = createServerWatch({
    url: deps.url,
    password: deps.password,
    log: deps.log,
    now: () => deps.clock.now(),
    probeMs: deps.probeMs,
    onLost: () => void status().then((s) => deps.events.emit('database', s)),
    async onBack() {
      if (!session?.connection) {
        // The desk started while the server was away: open the shop now.
        await session?.stop()
        await deps.lock.run(async () => {
          await closeSession()
          await openSession()
        })
        await session!.start()
      }
      await listen()
      await refreshScreens()
    },
  })

  const server = {
    announce: (trx: Parameters<typeof announceChanges>[0], event: Parameters<typeof announceChanges>[2]) => announceChanges(trx, desk, event),
    refusal: (error?: unknown) => watch.refusal(error),
  }

  /** Resolves once listening (or once a first try failed; it keeps trying): a desk that opened hears every change after. */
  async function listen(): Promise<void> {
    if (listener || !session?.connection) return
    listener = listenForChanges({
      url: deps.url,
      password: deps.password,
      desk,
      log: deps.log,
      onChanged: (event) => deps.events.emit('changed', event),
      onLost: (error) => {
        if (isConnectionLoss(error)) watch.lost(error)
      },
      onResumed: () => (watch.offline() ? watch.probeNow() : void refreshScreens()),
    })
    await listener.start()
  }

  async function openSession(): Promise<void> {
    const outcome = await openPostgresDatabase({ url: deps.url, password: deps.password, now: () => deps.clock.now(), timeZone: deps.timeZone, log: deps.log })
    if (outcome.kind === 'open') {
      if (outcome.migrated.length > 0) deps.log.info(`Applied migrations on ${where}: ${outcome.migrated.join(', ')}`)
      session = deps.createSession({ ...outcome.connection, server }, null)
      return
    }
    session = deps.createSession(null, { code: outcome.code, message: outcome.message })
    // A server that is merely away (not a wrong password or database) is asked again until it answers.
    if (outcome.code === 'cannot_open') {
      const away = await probeServer(deps.url, deps.password).then(
        () => null,
        (error: unknown) => (isConnectionLoss(error) ? error : null),
      )
      if (away) watch.lost(away)
    }
  }

  async function status(): Promise<DatabaseStatus> {
    const s = open()
    const offline = watch.offline()
    return {
      mode: s.problem ? 'recovery' : 'normal',
      path: where,
      problem: s.problem,
      latestGoodBackup: null,
      checking: false,
      ...(offline ? { offline } : {}),
    }
  }

  async function closeSession(): Promise<void> {
    const s = session
    session = null
    await s?.connection?.close()
  }

  return {
    current: open,
    path: () => where,
    async start() {
      await openSession()
      await session!.start()
      await listen()
    },
    checkIntegrity: async () => Boolean(session?.connection),
    async enterRecovery(problem) {
      if (!session?.connection) return
      await session.stop()
      await deps.lock.run(async () => {
        await closeSession()
        session = deps.createSession(null, problem)
      })
      deps.events.emit('database', await status())
      deps.events.emit('changed', { domains: [...dataDomains] })
    },
    status,
    list: () => ({ keep: 0, folder: null, effectiveFolder: where, backups: [] }),
    backup: async () => {
      throw refusedForBackups()
    },
    backupBefore: async (reason) => {
      deps.log.info(`No desk backup ${reason}: the shared database server keeps its own`)
      return null
    },
    inspect: () => {
      throw refusedForBackups()
    },
    restore: async () => {
      throw refusedForBackups()
    },
    configure: () => {
      throw refusedForBackups()
    },
    open: async () => {
      throw new AppError('refused', `This desk uses the shop's shared database on ${where}. To use a local file instead, change Settings → Database.`)
    },
    async close() {
      watch.close()
      await listener?.close()
      await session?.stop()
      await deps.lock.run(closeSession)
    },
  }
}
