import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../electron/core'
import { silentLogger } from '../../electron/core/logger'
import type { EventName, Events } from '../../shared/contract'
import { freePort, freshDatabase } from './postgres'

/**
 * Desks of one shop: cores on one fresh PostgreSQL database of the test server, each with
 * its own desk file, as two front-desk computers would be.
 *
 * @example
 * const shop = await desksOnOneDatabase(2)
 * const [a, b] = shop.desks
 */
export async function desksOnOneDatabase(count: number, options: Partial<CoreOptions> = {}): Promise<{ url: string; desks: Core[]; dispose(): Promise<void> }> {
  const database = await freshDatabase(inject('postgres'))
  const dir = mkdtempSync(join(tmpdir(), 'shop-desks-'))
  const desks: Core[] = []
  for (let n = 0; n < count; n++) {
    desks.push(await createCore({ dbPath: join(dir, `desk-${n}.db`), dbUrl: database.url, log: silentLogger, actor: `desk ${n}`, timeZone: 'UTC', ...options }))
  }
  return {
    url: database.url,
    desks,
    async dispose() {
      for (const desk of desks) await desk.close()
      await database.drop()
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
  const dir = mkdtempSync(join(tmpdir(), 'shop-pg-lost-'))
  const port = String(await freePort())
  const url = execFileSync('bash', [CLUSTER, 'start', dir, port], { encoding: 'utf8' }).trim()
  return {
    url,
    halt: () => void execFileSync('bash', [CLUSTER, 'halt', dir]),
    resume: () => void execFileSync('bash', [CLUSTER, 'resume', dir, port]),
    stop: () => void execFileSync('bash', [CLUSTER, 'stop', dir]),
  }
}
