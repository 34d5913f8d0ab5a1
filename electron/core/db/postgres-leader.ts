import pg from 'pg'
import { hostname } from 'node:os'
import type { Logger } from '../logger'
import { redactUrl } from './postgres-connection'

/**
 * Which desk runs the shop's background work (missed marking, calendar sync rounds, the
 * email outbox, staff notices). On a local file that is always this desk (one desk per file,
 * file-lock.ts); on a shared server exactly one desk at a time (`postgresLeader`).
 */
export interface BackgroundWork {
  /** True while this desk runs background work. */
  here(): boolean
  /** Told each time `here()` flips; answers the unsubscribe. */
  onChange(listener: (here: boolean) => void): () => void
}

export interface BackgroundLeader extends BackgroundWork {
  /** Connects and tries once, so a lone desk runs its background work from the start; then retries by itself. */
  start(): Promise<void>
  /** Stops trying and ends the lock session (which releases the lock). Call after the services stopped. */
  stop(): Promise<void>
  /** Who runs background work now: this desk, another (named by computer), or nobody yet. */
  holder(): Promise<BackgroundHolder>
}

export interface BackgroundHolder {
  here: boolean
  /** The computer (and process) that holds the lock, as its lock session names itself; null when nobody holds it. */
  desk: string | null
}

/** A desk on a local file: the only one there is. */
export const thisDeskOnly: BackgroundLeader = {
  here: () => true,
  onChange: () => () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
  holder: async () => ({ here: true, desk: hostname() }),
}

/** The advisory lock (two-key form; the schema lock, open-postgres.ts, is the one-key form of 'shop'): 'shop', 2. */
const LOCK_KEY_1 = 0x73686f70
const LOCK_KEY_2 = 2
const NAME_PREFIX = 'shop-scheduler background '

export interface LeaderOptions {
  url: string
  password?: string
  log: Logger
  /** How often a desk without the lock tries again, and the holder checks its session (default 3 s). */
  retryMs?: number
}

/**
 * Background work on exactly one desk of a shared server: the desk holding a session-level
 * advisory lock, taken on a dedicated connection (not the pool, whose connections come and
 * go). The others try again every `retryMs`, so when the holder quits (closing the session
 * releases the lock) or dies another desk takes over within seconds:
 *
 * - a process killed on a live computer: its operating system closes the socket, the server
 *   ends the session at once, the lock goes with it;
 * - a computer that vanishes (power, network): the lock session asks the server for TCP
 *   keepalives every 5 s after 10 s of silence (3 probes) and a 15 s `tcp_user_timeout`;
 * - a process that hangs or sleeps with its socket open: the holder checks its session
 *   every `retryMs` (`select 1`), and the session has `idle_session_timeout` 25 s, so a
 *   desk that stops checking loses the lock to the server 25 s later.
 *
 * The holder itself gives up background work as soon as a check fails (client-side
 * `query_timeout`), before the server can have handed the lock to another desk, so two
 * desks never run it at once.
 */
export function postgresLeader(options: LeaderOptions): BackgroundLeader {
  const retryMs = options.retryMs ?? 3000
  const where = redactUrl(options.url)
  const listeners = new Set<(here: boolean) => void>()
  let client: pg.Client | null = null
  let here = false
  let timer: ReturnType<typeof setInterval> | null = null
  let busy: Promise<void> | null = null
  let stopped = false

  const flip = (next: boolean) => {
    if (here === next) return
    here = next
    options.log.info(next ? `This desk now runs the background work on ${where}` : `This desk no longer runs the background work on ${where}`)
    for (const listener of listeners) listener(next)
  }

  const drop = () => {
    const c = client
    client = null
    flip(false)
    // The socket may be dead already: end without waiting on the server's goodbye.
    void c?.end().catch(() => undefined)
  }

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({
      connectionString: options.url,
      ...(options.password !== undefined && !new URL(options.url).password ? { password: options.password } : {}),
      application_name: `${NAME_PREFIX}${hostname()} (pid ${process.pid})`.slice(0, 63),
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 5000,
    })
    c.on('error', () => {
      if (client === c) drop()
    })
    await c.connect()
    await c.query('set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 3; set tcp_user_timeout = 15000')
    // PostgreSQL 14 and later; older servers still have the keepalives and the holder's own check.
    await c.query('set idle_session_timeout = 25000').catch(() => undefined)
    return c
  }

  const tick = async (): Promise<void> => {
    try {
      client ??= await connect()
      if (here) {
        await client.query('select 1')
        return
      }
      const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [LOCK_KEY_1, LOCK_KEY_2])
      if (stopped) return
      if (r.rows[0]?.ok) flip(true)
    } catch (error) {
      if (here) options.log.warn(`The background-work lock session on ${where} failed; another desk may take over`, error)
      drop()
    }
  }

  const run = () => {
    if (busy || stopped) return busy ?? Promise.resolve()
    busy = tick().finally(() => {
      busy = null
    })
    return busy
  }

  return {
    here: () => here,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async start() {
      await run()
      timer = setInterval(() => void run(), retryMs)
      timer.unref()
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      await busy
      const c = client
      client = null
      flip(false)
      await c?.end().catch(() => undefined)
    },
    async holder() {
      if (here) return { here: true, desk: hostname() }
      const c = client
      if (!c) return { here: false, desk: null }
      const r = await c.query<{ name: string }>(
        `select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2 and l.objsubid = 2
            and l.database = (select oid from pg_database where datname = current_database())`,
        [LOCK_KEY_1, LOCK_KEY_2],
      )
      const name = r.rows[0]?.name
      return { here: false, desk: name ? name.replace(NAME_PREFIX, '') : null }
    },
  }
}
