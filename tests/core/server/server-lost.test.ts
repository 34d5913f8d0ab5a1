/**
 * A desk that loses the server (issue 13, point 5): its calls are refused with the `offline`
 * code and nothing is written, the `database` event says the server is away, and the desk
 * reconnects by itself once it answers; a desk opened while it is away starts the same way.
 * On a cluster of this file's own, which the tests stop and start again on the same port.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import type { ServiceContext } from '../../../electron/core/services'
import { dataDomains } from '../../../shared/contract'
import { testDialect } from '../../helpers/postgres'
import { nextEvent, throwawayCluster } from '../../helpers/desks'

describe.runIf(testDialect() === 'postgres')('a desk that loses the database server', () => {
  let cluster: Awaited<ReturnType<typeof throwawayCluster>>
  let dir: string
  let core: Core | null = null

  beforeAll(async () => {
    cluster = await throwawayCluster()
    dir = mkdtempSync(join(tmpdir(), 'shop-lost-'))
  }, 60_000)

  afterEach(async () => {
    await core?.close()
    core = null
  })

  afterAll(() => {
    cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const open = () => createCore({ dbPath: join(dir, 'desk.db'), dbUrl: cluster.url, log: silentLogger, actor: 'tester', timeZone: 'UTC' })
  const names = async (desk: Core) => {
    const list = await desk.invoke('customers.list', {})
    if (!list.ok) throw new Error(list.error.message)
    return list.data.map((c) => c.name)
  }

  it('refuses writes with the offline code, writes nothing, says so, and reconnects by itself', { timeout: 60_000 }, async () => {
    core = await open()
    const desk = core
    expect((await desk.invoke('customers.create', { name: 'Before' })).ok).toBe(true)

    const away = nextEvent(desk, 'database', (s) => s.offline !== undefined)
    cluster.halt()
    // Called at once: the gate meets the lost server itself (or the listening connection heard it first).
    const refused = await desk.invoke('customers.create', { name: 'While away' })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'offline',
        message: expect.stringMatching(/database server .* cannot be reached, so nothing was saved\. Your change was not lost from the screen/),
      },
    })
    // Every page hears that the server is away.
    expect((await away).payload).toMatchObject({ mode: 'normal', offline: { message: expect.stringMatching(/cannot be reached/) } })
    // Reads are refused the same way (the screens keep what they showed); the status still answers.
    expect(await desk.invoke('customers.list', {})).toMatchObject({ ok: false, error: { code: 'offline' } })
    expect(await desk.invoke('database.status', {})).toMatchObject({ ok: true, data: { mode: 'normal', offline: { since: expect.any(String) } } })

    const back = nextEvent(desk, 'database', (s) => s.offline === undefined, 20_000)
    const refreshed = nextEvent(desk, 'changed', (e) => e.domains.length === dataDomains.length, 20_000)
    const resumed = performance.now()
    cluster.resume()
    const up = performance.now()
    const { at } = await back
    await refreshed
    console.log(`server restart ${(up - resumed).toFixed(0)} ms; the desk was back ${(at - up).toFixed(0)} ms after the server answered`)
    expect((await desk.invoke('customers.create', { name: 'After' })).ok).toBe(true)
    expect(await names(desk)).toEqual(['After', 'Before'])
  })

  it('keeps nothing of a transaction the server drops in the middle', { timeout: 60_000 }, async () => {
    core = await open()
    const desk = core
    let context: ServiceContext | undefined
    desk.services.register({ name: 'test-writer', start: (s) => void (context = s) })
    const away = nextEvent(desk, 'database', (s) => s.offline !== undefined)
    const step = context!.batch(async (ctx) => {
      await ctx.db.insertInto('customers').values({ name: 'First half', name_folded: 'first half', created_at: 'x', updated_at: 'x' }).execute()
      cluster.halt()
      await ctx.db.insertInto('customers').values({ name: 'Second half', name_folded: 'second half', created_at: 'x', updated_at: 'x' }).execute()
      ctx.changed('customers')
    })
    await expect(step).rejects.toThrow()
    await away
    cluster.resume()
    await nextEvent(desk, 'database', (s) => s.offline === undefined, 20_000)
    const stored = await names(desk)
    expect(stored).not.toContain('First half')
    expect(stored).not.toContain('Second half')
  })

  it('opens while the server is away in recovery, tries again by itself, and opens the shop once it answers', { timeout: 60_000 }, async () => {
    cluster.halt()
    core = await open()
    const desk = core
    const status = await desk.invoke('database.status', {})
    expect(status).toMatchObject({ ok: true, data: { mode: 'recovery', problem: { code: 'cannot_open' }, offline: { message: expect.any(String) } } })
    expect(await desk.invoke('customers.list', {})).toMatchObject({ ok: false, error: { code: 'cannot_open' } })
    const opened = nextEvent(desk, 'database', (s) => s.mode === 'normal', 20_000)
    cluster.resume()
    expect((await opened).payload).toMatchObject({ mode: 'normal', problem: null })
    expect((await desk.invoke('customers.create', { name: 'First' })).ok).toBe(true)
    // The reopened desk hears the other desks too.
    const other = await open()
    try {
      const heard = nextEvent(desk, 'changed', (e) => e.domains.includes('customers'))
      expect((await other.invoke('customers.create', { name: 'From the other desk' })).ok).toBe(true)
      await heard
    } finally {
      await other.close()
    }
  })
})
