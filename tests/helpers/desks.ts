import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../electron/core'
import type { Clock } from '../../electron/core/clock'
import { silentLogger, type Logger } from '../../electron/core/logger'
import type { ChannelInput, ChannelName, ChannelResult, EventName, Events } from '../../shared/contract'
import type { AppErrorData } from '../../shared/result'
import { freePort, freshDatabase } from './postgres'

/** One desk of a shop on a shared server: a core of its own, on the same database as the others. */
export interface Desk extends Core {
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppErrorData>
}

export interface Desks {
  /** The shared database every desk opened (`postgres://…/shop_t_…`). */
  url: string
  desks: Desk[]
  /** Moves the clock all the desks share (when pinned). */
  setNow(iso: string): void
  /** Opens one more desk on the same database. */
  open(extra?: Partial<CoreOptions>): Promise<Desk>
  dispose(): Promise<void>
}

/**
 * A fresh database on the test server and `n` cores on it, as `n` computers of one shop
 * would open it (the `postgres` project only). The desks share one clock, pinned when `now`
 * is given; each has its own temp folder for what a desk keeps locally.
 *
 * @example
 * const shop = await desksOnOneDatabase(2, { now: '2025-03-01T15:00:00Z', timeZone: 'America/New_York' })
 * const [a, b] = shop.desks
 */
export async function desksOnOneDatabase(
  n: number,
  opts: { now?: string; timeZone?: string; log?: Logger; extra?: Partial<CoreOptions> } = {},
): Promise<Desks> {
  const server = await freshDatabase(inject('postgres'))
  const dir = mkdtempSync(join(tmpdir(), 'shop-desks-'))
  let now = opts.now ? new Date(opts.now) : null
  const clock: Clock = { now: () => (now ? new Date(now) : new Date()) }
  const opened: Desk[] = []
  const open = async (extra: Partial<CoreOptions> = {}): Promise<Desk> => {
    const core = await createCore({
      dbPath: join(dir, `desk-${opened.length}.db`),
      dbUrl: server.url,
      clock,
      log: opts.log ?? silentLogger,
      actor: `desk ${opened.length + 1}`,
      timeZone: opts.timeZone ?? 'UTC',
      ...opts.extra,
      ...extra,
    })
    const desk: Desk = Object.assign(Object.create(core) as Core, {
      async ok<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
        const result = await core.invoke(channel, input)
        if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
        return result.data
      },
      async refused<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
        const result = await core.invoke(channel, input)
        if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.data)}`)
        return result.error
      },
    })
    opened.push(desk)
    return desk
  }
  // One after the other: the first migrates nothing (the template is migrated) but seeds nothing twice either way.
  for (let i = 0; i < n; i++) await open()
  return {
    url: server.url,
    desks: opened,
    setNow(iso) {
      now = new Date(iso)
    },
    open,
    async dispose() {
      await Promise.allSettled(opened.map((d) => d.close()))
      await server.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Every payload of one event a core emits, from now on. */
export function record<E extends EventName>(core: Core, event: E): { seen: Array<{ at: number; payload: Events[E] }>; stop(): void } {
  const seen: Array<{ at: number; payload: Events[E] }> = []
  const stop = core.events.on(event, (payload) => seen.push({ at: performance.now(), payload }))
  return { seen, stop }
}

/** Resolves with the first payload of `event` that `matches`, at the time it was heard; rejects after `timeoutMs`. */
export function nextEvent<E extends EventName>(
  core: Core,
  event: E,
  matches: (payload: Events[E]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<{ at: number; payload: Events[E] }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`No matching ${event} event within ${timeoutMs} ms`))
    }, timeoutMs)
    const stop = core.events.on(event, (payload) => {
      if (!matches(payload)) return
      clearTimeout(timer)
      stop()
      resolve({ at: performance.now(), payload })
    })
  })
}

const CLUSTER = 'scripts/postgres/throwaway-cluster.sh'

/**
 * A PostgreSQL cluster of one test's own, to take the server away from a running desk and
 * bring it back on the same port (`halt`, `resume`); `stop` removes it.
 */
export async function throwawayCluster(): Promise<{ url: string; halt(): void; resume(): void; stop(): void }> {
  // A free port can be taken by another process before the server binds it: then try another.
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'shop-pg-lost-'))
    const port = String(await freePort())
    try {
      return startedCluster(dir, port)
    } catch (error) {
      rmSync(dir, { recursive: true, force: true })
      if (attempt === 3) throw error
    }
  }
}

function startedCluster(dir: string, port: string): { url: string; halt(): void; resume(): void; stop(): void } {
  const url = execFileSync('bash', [CLUSTER, 'start', dir, port], { encoding: 'utf8' }).trim()
  return {
    url,
    halt: () => void execFileSync('bash', [CLUSTER, 'halt', dir]),
    resume: () => void execFileSync('bash', [CLUSTER, 'resume', dir, port]),
    stop: () => void execFileSync('bash', [CLUSTER, 'stop', dir]),
  }
}
