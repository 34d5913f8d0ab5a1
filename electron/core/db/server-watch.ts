import pg from 'pg'
import type { DatabaseOffline } from '../../../shared/domain/backups'
import type { Logger } from '../logger'
import { AppError } from '../errors'
import { isConnectionLoss, redactUrl } from './postgres-connection'

export interface ServerWatchOptions {
  url: string
  password?: string
  log: Logger
  now(): Date
  /** Answers when the server is back; rejects while it cannot be reached. Defaults to a fresh connection's `select 1`. */
  probe?(): Promise<void>
  /** The desk just lost the server: screens say so. */
  onLost(): void
  /** The server answers again: screens refresh what they show. */
  onBack(): Promise<void> | void
  /** Delay between probes while the server is away (default 3 s). */
  probeMs?: number
}

/**
 * Whether this desk can reach the shop's database server. Any call that finds the server
 * gone (`lost`) turns the desk offline: from then on every call that needs the server is
 * refused at once with the `offline` code instead of waiting for a connection, while a
 * probe, outside the lock and on a connection of its own, asks the server every few seconds
 * and turns the desk back online when it answers.
 */
export interface ServerWatch {
  /** What the screens show while the server cannot be reached; null while it can. */
  offline(): DatabaseOffline | null
  /** The refusal for a call made while offline, or for an error that says the server is gone (which turns the desk offline). */
  refusal(error?: unknown): AppError | undefined
  /** The server is gone: say so and start probing (does nothing when already offline). */
  lost(error: unknown): void
  /** Probes now instead of at the next tick (e.g. another connection just reached the server). */
  probeNow(): void
  close(): void
}

export function offlineMessage(url: string): string {
  return `The shop's database server ${redactUrl(url)} cannot be reached, so nothing was saved. Your change was not lost from the screen: save it again once the server is back. This desk reconnects by itself.`
}

export function createServerWatch(options: ServerWatchOptions): ServerWatch {
  const probeMs = options.probeMs ?? 3000
  const message = offlineMessage(options.url)
  const probe = options.probe ?? (() => probeServer(options.url, options.password))
  let state: DatabaseOffline | null = null
  let timer: NodeJS.Timeout | null = null
  let probing = false
  let closed = false

  const schedule = () => {
    if (closed || timer || !state) return
    timer = setTimeout(() => {
      timer = null
      void attempt()
    }, probeMs)
    timer.unref()
  }

  async function attempt(): Promise<void> {
    if (closed || probing || !state) return
    probing = true
    try {
      await probe()
    } catch {
      probing = false
      schedule()
      return
    }
    probing = false
    if (closed || !state) return
    options.log.info(`The database server ${redactUrl(options.url)} answers again (away since ${state.since})`)
    state = null
    await options.onBack()
  }

  const lost = (error: unknown) => {
    if (closed || state) return
    state = { message, since: options.now().toISOString() }
    options.log.warn(`The database server ${redactUrl(options.url)} cannot be reached: ${error instanceof Error ? error.message : String(error)}`)
    options.onLost()
    schedule()
  }

  return {
    offline: () => state,
    refusal(error) {
      if (error !== undefined) {
        if (!isConnectionLoss(error)) return undefined
        lost(error)
      }
      return state ? new AppError('offline', message) : undefined
    },
    lost,
    probeNow() {
      if (timer) clearTimeout(timer)
      timer = null
      void attempt()
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

/** Connects on a connection of its own (the pool's may all be dead) and asks for `select 1`. */
export async function probeServer(url: string, password?: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    ...(password !== undefined && !new URL(url).password ? { password } : {}),
    connectionTimeoutMillis: 3000,
    application_name: 'shop-scheduler-probe',
  })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('select 1')
  } finally {
    await client.end().catch(() => undefined)
  }
}
