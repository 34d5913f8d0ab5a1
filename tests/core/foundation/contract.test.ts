import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, channelNames } from '../../../shared/contract'
import { allHandlers, unservedChannels } from '../../../electron/core/handlers'
import { mergeHandlers, type Ctx } from '../../../electron/core/handler'
import { createInvoke } from '../../../electron/core/invoke'
import { createLock } from '../../../electron/core/lock'
import { silentLogger } from '../../../electron/core/logger'
import { AppError } from '../../../electron/core/errors'
import { testCore, type TestCore } from '../../helpers/core'

describe('the contract', () => {
  it('has a handler for every channel, and no handler outside it', () => {
    const handlers = allHandlers()
    expect(unservedChannels(handlers)).toEqual([])
    expect([...handlers.keys()].filter((c) => !Object.hasOwn(contract, c))).toEqual([])
  })

  it('names every channel domain.verb', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/)
  })

  it('refuses two handlers for one channel', () => {
    const h = () => null
    expect(() => mergeHandlers({ 'customers.list': h }, { 'customers.list': h })).toThrow(/customers\.list/)
  })
})

describe('the gate', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('answers an unknown channel with a typed error', async () => {
    expect(await core.invoke('vehicles.explode', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'There is no channel "vehicles.explode".' },
    })
  })

  it('answers invalid input with the fields at fault and writes nothing', async () => {
    const result = await core.invoke('customers.create', { name: '   ', email: 'not-an-email' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['email', 'name'])
    expect(await core.db.selectFrom('customers').select('id').execute()).toEqual([])
  })

  it('treats a non-object input as invalid, not as a crash', async () => {
    const result = await core.invoke('customers.create', 'DROP TABLE customers')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('rolls back everything a handler wrote when it throws, refusal or crash alike', async () => {
    const lock = createLock()
    const write = async (ctx: Ctx, name: string) => {
      const now = ctx.clock.now().toISOString()
      await ctx.db.insertInto('customers').values({ name, created_at: now, updated_at: now }).execute()
    }
    const handlers = mergeHandlers({
      'customers.create': async (_input: unknown, ctx: Ctx) => {
        await write(ctx, 'half written')
        throw new Error('disk on fire')
      },
      'customers.update': async (_input: unknown, ctx: Ctx) => {
        await write(ctx, 'refused')
        throw new AppError('refused', 'No, thank you.')
      },
    })
    const invoke = createInvoke({
      handlers,
      lock,
      log: silentLogger,
      db: core.db,
      makeCtx: (db) => ({ db, clock: core.clock }) as unknown as Ctx,
      onChanged: () => {},
    })
    const crash = await invoke('customers.create', { name: 'x' })
    expect(crash).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(!crash.ok && crash.error.message).toMatch(/nothing was saved/)
    expect(await invoke('customers.update', { id: 1, name: 'x' })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'No, thank you.' },
    })
    expect(await core.db.selectFrom('customers').select('name').execute()).toEqual([])
    // The process is fine afterwards: the next call works.
    expect((await core.invoke('customers.create', { name: 'Next' })).ok).toBe(true)
  })

  it('tells open pages what changed, once, after the write committed', async () => {
    const seen: string[][] = []
    core.events.on('changed', ({ domains }) => seen.push(domains))
    await core.ok('customers.create', { name: 'Ada' })
    await core.invoke('customers.create', { name: '' })
    expect(seen).toEqual([['customers']])
  })
})
