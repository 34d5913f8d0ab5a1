import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createLock, LockReentryError } from '../../../electron/core/lock'
import type { Service, ServiceContext } from '../../../electron/core/services'
import { testCore, type TestCore } from '../../helpers/core'
import { testDialect } from '../../helpers/postgres'

let core: TestCore | undefined
afterEach(async () => {
  await core?.dispose()
  core = undefined
})

describe('the core lock', () => {
  it('refuses re-entry with a clear error instead of waiting for itself forever', async () => {
    const lock = createLock()
    await expect(lock.run(() => lock.run(() => 1))).rejects.toBeInstanceOf(LockReentryError)
    await expect(
      lock.run(async () => {
        await Promise.resolve()
        return lock.run(() => 1)
      }),
    ).rejects.toThrow(/already holds it/)
    // Still usable afterwards, and a timer set under the lock is not mistaken for a holder later.
    let later: Promise<number> | undefined
    await lock.run(() => void (later = new Promise((resolve) => setTimeout(() => resolve(lock.run(() => 2)), 5))))
    expect(await later).toBe(2)
  })

  it('a long job whose batch asks for another batch gets the error, not a hang', async () => {
    core = await testCore()
    const seen: unknown[] = []
    const nested: Service = {
      name: 'nested',
      async start(s) {
        await s.batch(async (ctx) => ctx.batch(async () => 1)).catch((e: unknown) => seen.push(e))
      },
    }
    core.services.register(nested)
    await expect.poll(() => seen.length).toBe(1)
    expect(seen[0]).toBeInstanceOf(LockReentryError)
    expect((await core.ok('customers.list', {})).length).toBe(0) // the core still answers
  })
})

describe('background services', () => {
  it('start after migrations, do their database steps in short transactions, and tell open pages what changed', async () => {
    core = await testCore()
    const changed: unknown[] = []
    core.events.on('changed', (e) => changed.push(e))
    let context: ServiceContext | undefined
    core.services.register({ name: 'probe', start: (s) => void (context = s) })
    // A desk backs up only its own file: on a PostgreSQL server there is no daily backup service.
    const backup = testDialect() === 'sqlite' ? ['daily-backup'] : []
    expect(core.services.names()).toEqual(['missed-activities', 'email-outbox', 'staff-notices', 'calendar-sync', ...backup, 'probe'])
    const s = context!
    // A failing step rolls back what it wrote and reports no change.
    await expect(
      s.batch(async (ctx) => {
        await ctx.db.insertInto('customers').values({ name: 'Ghost', created_at: 'x', updated_at: 'x' }).execute()
        ctx.changed('customers')
        throw new Error('network answered 500')
      }),
    ).rejects.toThrow(/500/)
    expect(await core.ok('customers.list', {})).toEqual([])
    expect(changed).toEqual([])
    const id = await s.batch(async (ctx) => {
      const row = await ctx.db.insertInto('customers').values({ name: 'Ada', created_at: 'x', updated_at: 'x' }).returning('id').executeTakeFirstOrThrow()
      ctx.changedRows('customers', [row.id])
      return row.id
    })
    expect(changed).toEqual([{ domains: ['customers'], ids: { customers: [id] } }])
    // Calls from transports interleave with a service's steps instead of waiting for the whole job.
    const order: string[] = []
    const slow = s.batch(async (ctx) => {
      await sql`select 1`.execute(ctx.db)
      order.push('step 1')
    })
    const call = core.ok('customers.list', {}).then(() => order.push('call'))
    const step2 = s.batch(async () => void order.push('step 2'))
    await Promise.all([slow, call, step2])
    expect(order).toEqual(['step 1', 'call', 'step 2'])
  })

  it('are stopped, newest first, before the database closes; timers stop and steps are refused after', async () => {
    core = await testCore()
    const events: string[] = []
    let context: ServiceContext | undefined
    let ticks = 0
    const make = (name: string): Service => ({
      name,
      start(s) {
        if (name === 'b') {
          context = s
          s.every(1, async () => void (ticks += 1))
        }
      },
      async stop() {
        events.push(`stop ${name}`)
        // The database is still open while a service stops: it can record its last state.
        await context!.ports.secrets.get('x')
      },
    })
    core.services.register(make('a'))
    core.services.register(make('b'))
    await expect.poll(() => ticks).toBeGreaterThan(0)
    await core.close()
    expect(events).toEqual(['stop b', 'stop a'])
    expect(context!.signal.aborted).toBe(true)
    const after = ticks
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ticks).toBe(after)
    await expect(context!.batch(async () => 1)).rejects.toThrow(/stopping/)
  })

  it('a service that fails to start does not keep the shop from opening', async () => {
    core = await testCore()
    core.services.register({ name: 'broken', start: () => Promise.reject(new Error('no network')) })
    expect(core.services.names()).toContain('broken')
    expect(await core.ok('customers.list', {})).toEqual([])
    expect(() => core!.services.register({ name: 'broken', start: () => {} })).toThrow(/Two services/)
  })
})
