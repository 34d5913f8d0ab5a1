import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCore } from '../../../electron/core'
import type { Logger } from '../../../electron/core/logger'
import { startBridge } from '../../../electron/bridge/server'
import { fileDeskStore } from '../../../electron/core/desk/desk-store'
import { shopClient, type ShopHttpClient } from './shop-client'

export interface ShopServer extends ShopHttpClient {
  /** Where the bridge serves the app, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** The test's own SQLite file, in its own temp folder. */
  dbPath: string
  /** The instant the core's clock is pinned at. */
  now: string
  timeZone: string
  /**
   * Runs `fn` with the core's clock at `instant`, then back at `now`: seeding what the front
   * desk did earlier (a booking for this morning was made before this morning).
   */
  asOf<T>(instant: string, fn: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface ShopServerOptions {
  now: string
  timeZone: string
  /** The built renderer; defaults to the run's frozen copy (global-setup.ts), else `out/renderer`. */
  rendererDir?: string
  /** The core's environment (e.g. SHOP_GOOGLE_* pointing at a fake); defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** A PostgreSQL server's URL: the desk runs on that server (migrated at start) instead of its file. */
  dbUrl?: string
}

// Refusals are answers, not failures; only what the core itself reports as wrong is shown.
const quietLogger: Logger = {
  info() {},
  warn: (m, ...r) => console.warn(`[core] ${m}`, ...r),
  error: (m, ...r) => console.error(`[core] ${m}`, ...r),
}

/**
 * The real core on a fresh database file, behind the real bridge on a free loopback port,
 * inside the Playwright worker: what `npm run web` runs, with the clock pinned.
 *
 * @example
 * const shop = await startShopServer({ now: '2026-03-10T15:00:00Z', timeZone: 'America/New_York' })
 * await shop.call('customers.create', { name: 'Dana Reyes' })
 * await shop.close()
 */
export async function startShopServer(opts: ShopServerOptions): Promise<ShopServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-e2e-'))
  const dbPath = join(dir, 'shop.db')
  let now = new Date(opts.now)
  const core = await createCore({
    dbPath,
    clock: { now: () => new Date(now) },
    timeZone: opts.timeZone,
    actor: 'e2e',
    log: quietLogger,
    ports: { desk: fileDeskStore(join(dir, 'desk.json')) },
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.dbUrl ? { dbUrl: opts.dbUrl } : {}),
  })
  const bridge = await startBridge({
    core,
    rendererDir: opts.rendererDir ?? process.env.SHOP_RENDERER_DIR ?? resolve('out/renderer'),
    port: 0,
  }).catch(async (error: unknown) => {
    await core.close()
    throw error
  })
  return {
    ...shopClient(bridge.url),
    url: bridge.url,
    dbPath,
    now: opts.now,
    timeZone: opts.timeZone,
    async asOf(instant, fn) {
      now = new Date(instant)
      try {
        return await fn()
      } finally {
        now = new Date(opts.now)
      }
    },
    async close() {
      await bridge.close()
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
