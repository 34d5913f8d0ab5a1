import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core'
import { fixedClock, type Clock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/contract'
import type { AppErrorData } from '../../shared/result'
import { inject } from 'vitest'
import { freshDatabase, testDialect } from './postgres'

export interface TestCore extends Core {
  dir: string
  dbPath: string
  /** Calls a channel and returns its data; fails the test with the error if refused. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  /** Calls a channel that must be refused; returns the error. */
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppErrorData>
  /** Moves the pinned clock (tests that cross days). */
  setNow(iso: string): void
  dispose(): Promise<void>
}

/**
 * A core on a fresh database, with the clock pinned: a file in its own temp folder, or, in
 * the `postgres` project of the test matrix, a fresh database on the test server.
 *
 * @example
 * const core = await testCore({ now: '2025-01-01T12:00:00Z', timeZone: 'America/New_York' })
 */
export async function testCore(opts: { now?: string; timeZone?: string; dbPath?: string } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-test-'))
  const dbPath = opts.dbPath ?? join(dir, 'shop.db')
  let now = new Date(opts.now ?? '2025-01-01T12:00:00Z')
  const clock: Clock = { now: () => new Date(now) }
  const server = opts.dbPath ? null : await testDatabase()
  const core = await createCore({ dbPath, dbUrl: server?.url, clock, log: silentLogger, actor: 'tester', timeZone: opts.timeZone ?? 'UTC' })
  const helper: Omit<TestCore, 'db'> = {
    ...core,
    dir,
    dbPath,
    async ok(channel, input) {
      const result = await core.invoke(channel, input)
      if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
      return result.data as never
    },
    async refused(channel, input) {
      const result = await core.invoke(channel, input)
      if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.data)}`)
      return result.error
    },
    setNow(iso) {
      now = new Date(iso)
    },
    async dispose() {
      await core.close()
      await server?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  // The open database can change (a restore reopens the file): always hand out the current one.
  return Object.defineProperty(helper, 'db', { get: () => core.db, enumerable: true }) as TestCore
}

/**
 * The database of this leg of the test matrix for a core made by hand: null on the SQLite
 * leg (the core uses its file), a fresh PostgreSQL database (`dbUrl`) on the other.
 */
export async function testDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  return testDialect() === 'postgres' ? freshDatabase(inject('postgres')) : null
}

export { fixedClock }

/** A valid, unique VIN for test vehicles (check digit not enforced by the app). */
export const testVin = (n: number): string => `1HGCM8263${String(n).padStart(8, '0')}`.replace(/[IOQ]/g, '0')
