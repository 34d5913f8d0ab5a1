import pg from 'pg'
import { sql, type Kysely } from 'kysely'
import { dataDomains, type ChangedEvent, type DataDomain } from '../../../shared/contract'
import type { Database } from './database'
import type { Logger } from '../logger'

/** The channel every desk of one shop database LISTENs on. */
export const CHANGES_CHANNEL = 'shop_changed'

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; beyond this the ids are left out. */
const PAYLOAD_LIMIT = 7900

/** What travels between desks: who wrote it, and what it changed. */
interface Announcement extends ChangedEvent {
  desk: string
}

/** Domains that never leave this desk: its own worker lives in its own file, not in the shop's database. */
const DESK_LOCAL: ReadonlySet<DataDomain> = new Set(['desk'])

/**
 * The NOTIFY text for a change set: the desk and the changed domains with their row ids, or
 * the domains alone when so many ids would not fit (the other desks then refresh the whole
 * domains, which is always correct). Null when nothing shared changed.
 */
export function announcementPayload(desk: string, event: ChangedEvent): string | null {
  const domains = event.domains.filter((d) => !DESK_LOCAL.has(d))
  if (domains.length === 0) return null
  const ids = event.ids ? Object.fromEntries(Object.entries(event.ids).filter(([d]) => domains.includes(d as DataDomain))) : undefined
  const full = JSON.stringify({ desk, domains, ...(ids && Object.keys(ids).length > 0 ? { ids } : {}) } satisfies Announcement)
  return Buffer.byteLength(full) < PAYLOAD_LIMIT ? full : JSON.stringify({ desk, domains } satisfies Announcement)
}

/**
 * Inside the committing transaction: tells every other desk what it changed. NOTIFY is
 * transactional, so a rolled-back call announces nothing and a committed one is heard
 * only after its commit, when the other desks can already read it.
 *
 * @example
 * await db.transaction().execute(async (trx) => { ...; await announceChanges(trx, deskId, changes.toEvent()) })
 */
export async function announceChanges(trx: Kysely<Database>, desk: string, event: ChangedEvent): Promise<void> {
  const payload = announcementPayload(desk, event)
  if (payload) await sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`.execute(trx)
}

/** Reads another desk's announcement; null for this desk's own and for anything malformed. */
export function readAnnouncement(payload: string, ownDesk: string): ChangedEvent | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const { desk, domains, ids } = parsed as Partial<Record<keyof Announcement, unknown>>
  if (desk === ownDesk || !Array.isArray(domains)) return null
  const known = domains.filter((d): d is DataDomain => (dataDomains as readonly unknown[]).includes(d) && !DESK_LOCAL.has(d as DataDomain))
  if (known.length === 0) return null
  const rows: Partial<Record<DataDomain, number[]>> = {}
  if (typeof ids === 'object' && ids !== null) {
    for (const [domain, list] of Object.entries(ids)) {
      if (known.includes(domain as DataDomain) && Array.isArray(list)) rows[domain as DataDomain] = list.filter((id): id is number => Number.isInteger(id))
    }
  }
  return Object.keys(rows).length > 0 ? { domains: known, ids: rows } : { domains: known }
}

export interface ChangeListenerOptions {
  url: string
  password?: string
  /** This desk's id: its own announcements are not heard again. */
  desk: string
  log: Logger
  /** Another desk committed these changes. */
  onChanged(event: ChangedEvent): void
  /** The listening connection was lost (the server went away); it is tried again by itself. */
  onLost?(error: unknown): void
  /** Listening again after a loss: whatever was announced meanwhile was missed. */
  onResumed?(): void
  /** Delay between attempts to listen again (default 2 s). */
  retryMs?: number
}

export interface ChangeListener {
  /** Resolves once listening (or once the first attempt failed; it keeps trying). */
  start(): Promise<void>
  close(): Promise<void>
}

/**
 * Hears the other desks' announcements on a connection of its own: a pooled connection
 * would stop listening the moment the pool handed it back. When that connection drops it
 * is opened again every `retryMs` until the server answers.
 */
export function listenForChanges(options: ChangeListenerOptions): ChangeListener {
  const retryMs = options.retryMs ?? 2000
  let client: pg.Client | null = null
  let timer: NodeJS.Timeout | null = null
  let closed = false
  let lost = false

  const dropped = (from: pg.Client, error: unknown) => {
    if (client !== from || closed) return
    client = null
    from.removeAllListeners('notification')
    void from.end().catch(() => undefined)
    if (!lost) {
      lost = true
      options.log.warn(`Stopped hearing the other desks' changes: ${error instanceof Error ? error.message : String(error)}`)
      options.onLost?.(error)
    }
    retry()
  }

  const retry = () => {
    if (closed || timer) return
    timer = setTimeout(() => {
      timer = null
      void connect()
    }, retryMs)
    timer.unref()
  }

  async function connect(): Promise<void> {
    if (closed) return
    const next = new pg.Client({
      connectionString: options.url,
      ...(options.password !== undefined && !new URL(options.url).password ? { password: options.password } : {}),
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      application_name: 'shop-scheduler-changes',
    })
    // Any failure, before or after connecting, ends in one place: drop and try again.
    next.on('error', (error) => dropped(next, error))
    next.on('end', () => dropped(next, new Error('Connection terminated')))
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return
      const event = readAnnouncement(message.payload, options.desk)
      if (event) options.onChanged(event)
    })
    client = next
    try {
      await next.connect()
      await next.query(`listen ${CHANGES_CHANNEL}`)
    } catch (error) {
      dropped(next, error)
      return
    }
    if (closed) {
      await next.end().catch(() => undefined)
      return
    }
    if (lost) {
      lost = false
      options.log.info("Hearing the other desks' changes again")
      options.onResumed?.()
    }
  }

  return {
    start: () => connect(),
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      const open = client
      client = null
      await open?.end().catch(() => undefined)
    },
  }
}
