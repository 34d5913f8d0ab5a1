import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { fileDeskStore } from '../../../electron/core/desk/desk-store'
import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import { testDatabase, testVin } from '../../helpers/core'

/** The history names the person at the desk, kept in the desk's own file, not the database. */
describe('who is working at this desk', () => {
  let dir: string
  let core: Core
  let database: Awaited<ReturnType<typeof testDatabase>>
  const open = (deskFile = join(dir, 'desk.json')) =>
    createCore({
      dbPath: join(dir, 'shop.db'),
      dbUrl: database?.url,
      clock: { now: () => new Date('2025-03-03T15:00:00Z') },
      log: silentLogger,
      actor: 'os-account',
      timeZone: 'America/New_York',
      ports: { desk: fileDeskStore(deskFile) },
    })
  const ok = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> => {
    const r = await core.invoke(channel, input)
    if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`)
    return r.data as ChannelResult<C>
  }
  const newActivity = async () => {
    const customer = await ok('customers.create', { name: 'Jane Doe' })
    const vehicle = await ok('vehicles.create', {
      customerId: customer.id,
      vin: testVin(7),
      make: 'Honda',
      model: 'Civic',
      year: 2019,
      onboardingDate: '2025-01-02',
    })
    const { upcoming } = await ok('activities.forVehicle', { vehicleId: vehicle.id })
    return upcoming[0]!
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-desk-'))
    database = await testDatabase()
    core = await open()
  })
  afterEach(async () => {
    await core.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('names the computer account until someone is chosen, then the person chosen, and keeps the choice across restarts', async () => {
    expect(await ok('desk.get', {})).toEqual({ worker: null, fallback: 'os-account', actor: 'os-account' })
    const a = await newActivity()
    const before = await ok('activities.update', { id: a.id, version: a.version, notes: 'First note' })

    expect(await ok('desk.setWorker', { name: '  Maria Lopez ' })).toEqual({ worker: 'Maria Lopez', fallback: 'os-account', actor: 'Maria Lopez' })
    const after = await ok('activities.update', { id: a.id, version: before.version, notes: 'Second note' })
    const history = await ok('activities.history', { id: a.id })
    const notes = history.filter((e) => e.changes && 'notes' in e.changes).sort((x, y) => x.id - y.id)
    expect(notes.map((e) => e.actor)).toEqual(['os-account', 'Maria Lopez'])
    expect(JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8'))).toEqual({ worker: 'Maria Lopez', server: null })

    await core.close()
    core = await open()
    expect((await ok('desk.get', {})).worker).toBe('Maria Lopez')
    await ok('activities.update', { id: a.id, version: after.version, notes: 'Third note' })
    const latest = (await ok('activities.history', { id: a.id })).sort((x, y) => y.id - x.id)[0]!
    expect(latest).toMatchObject({ actor: 'Maria Lopez', changes: { notes: ['Second note', 'Third note'] } })

    expect(await ok('desk.setWorker', { name: null })).toMatchObject({ worker: null, actor: 'os-account' })
  })

  it('refuses a name too long and keeps the worker as it was', async () => {
    await ok('desk.setWorker', { name: 'Maria Lopez' })
    const r = await core.invoke('desk.setWorker', { name: 'x'.repeat(101) })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('invalid_input')
    expect((await ok('desk.get', {})).worker).toBe('Maria Lopez')
  })

  it('keeps the worker per desk: another desk file starts with the computer account', async () => {
    await ok('desk.setWorker', { name: 'Maria Lopez' })
    await core.close()
    core = await open(join(dir, 'other-desk.json'))
    expect((await ok('desk.get', {})).actor).toBe('os-account')
  })

  it('opens with an unreadable desk file as an empty desk', async () => {
    await core.close()
    writeFileSync(join(dir, 'desk.json'), '{ not json')
    core = await open()
    expect((await ok('desk.get', {})).worker).toBeNull()
  })
})
