import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../electron/core'
import type { Clock } from '../../electron/core/clock'
import { silentLogger, type Logger } from '../../electron/core/logger'
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/contract'
import type { AppErrorData } from '../../shared/result'
import { freshDatabase } from './postgres'

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
