import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core'
import { openConnection } from '../../../electron/core/db/connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { silentLogger } from '../../../electron/core/logger'
import { fixedClock } from '../../../electron/core/clock'
import { testCore, testVin, type TestCore } from '../../helpers/core'
import { testDialect } from '../../helpers/postgres'

let core: TestCore
beforeEach(async () => (core = await testCore({ now: '2026-03-10T15:00:00Z' })))
afterEach(() => core.dispose())

const names = async () => (await core.ok('customers.list', {})).map((c) => c.name).sort()

// A desk backs up its own SQLite file; a PostgreSQL server keeps its own backups (see the test below).
describe.skipIf(testDialect() === 'postgres')('backups (the SQLite file itself)', () => {
  it('"Back up now" writes a checked, self-contained copy beside the database, with what sits in the WAL', async () => {
    for (const name of ['Ada', 'Ben', 'Cy']) await core.ok('customers.create', { name })
    // Nothing checkpointed yet: a plain copy of shop.db alone would miss these rows.
    expect(existsSync(`${core.dbPath}-wal`)).toBe(true)
    const backup = await core.ok('backups.create', {})
    expect(backup).toMatchObject({ ok: true, reason: 'manual', takenAt: '2026-03-10T15:00:00.000Z', counts: { customers: 3, vehicles: 0 } })
    expect(backup.path).toBe(join(core.dir, 'backups', backup.name))
    expect(readdirSync(join(core.dir, 'backups'))).toEqual([backup.name]) // one file: no -wal, no leftovers
    const copy = new SqliteDatabase(backup.path, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.prepare('select count(*) as n from customers').get()).toEqual({ n: 3 })
    copy.close()
    expect(await core.ok('backups.inspect', { name: backup.name })).toMatchObject({ ok: true, counts: { customers: 3 } })
  })

  it('keeps the last N (a setting) and can write to a chosen folder', async () => {
    await core.ok('backups.configure', { keep: 2 })
    const taken = []
    for (let i = 0; i < 3; i++) taken.push((await core.ok('backups.create', {})).name)
    const list = await core.ok('backups.list', {})
    expect(list.keep).toBe(2)
    expect(list.backups.map((b) => b.name)).toEqual([taken[2], taken[1]])

    const usb = mkdtempSync(join(tmpdir(), 'shop-usb-'))
    try {
      const settings = await core.ok('backups.configure', { folder: usb })
      expect(settings).toMatchObject({ folder: usb, effectiveFolder: usb, keep: 2 })
      const there = await core.ok('backups.create', {})
      expect(there.path).toBe(join(usb, there.name))
      expect((await core.ok('backups.list', {})).backups.map((b) => b.name)).toEqual([there.name])
      expect(await core.refused('backups.configure', { folder: 'relative/folder' })).toMatchObject({ code: 'invalid_input' })
      expect(await core.refused('backups.configure', { keep: 0 })).toMatchObject({ code: 'invalid_input' })
    } finally {
      rmSync(usb, { recursive: true, force: true })
    }
  })

  it('restores a chosen backup: the open file is backed up first, then the app works on the restored data', async () => {
    await core.ok('customers.create', { name: 'Ada' })
    await core.ok('customers.create', { name: 'Ben' })
    const backup = await core.ok('backups.create', {})
    await core.ok('customers.create', { name: 'Cy' })

    const changed: string[][] = []
    core.events.on('changed', (e) => changed.push(e.domains))
    const result = await core.ok('backups.restore', { name: backup.name })
    expect(result.restored).toMatchObject({ name: backup.name, counts: { customers: 2 } })
    expect(result.safetyBackup).toMatchObject({ reason: 'before-restore', counts: { customers: 3 } })
    expect(result.movedAside).toBeNull()
    expect(await names()).toEqual(['Ada', 'Ben'])
    expect(changed.some((d) => d.includes('customers'))).toBe(true)
    // Same file, same place: the next start opens the restored data, and writes go on.
    await core.ok('customers.create', { name: 'Dee' })
    expect(core.openPath()).toBe(core.dbPath)
    const listed = (await core.ok('backups.list', {})).backups.map((b) => b.reason)
    expect(listed).toEqual(['before-restore', 'manual'])
  })

  it('refuses to restore what is not a listed backup, or a damaged one', async () => {
    expect(await core.refused('backups.restore', { name: '../shop.db' })).toMatchObject({ code: 'invalid_input' })
    expect(await core.refused('backups.restore', { name: 'shop-20260101-000000-00-manual.db' })).toMatchObject({ code: 'not_found' })
  })

  it('backs up before schedule-all applies its changes', async () => {
    const customer = await core.ok('customers.create', { name: 'Ada' })
    await core.ok('vehicles.create', { customerId: customer.id, vin: testVin(1), make: 'Honda', model: 'Civic', year: 2020, onboardingDate: '2026-03-01' })
    await core.ok('schedule.applyAll', {})
    const [b] = (await core.ok('backups.list', {})).backups
    expect(b).toMatchObject({ reason: 'before-schedule-all' })
  })

  it('takes a daily backup while the app runs: one when none is a day old, none again the same day', async () => {
    expect(await core.background.backupIfDue()).toBe(true)
    expect(await core.background.backupIfDue()).toBe(false)
    core.setNow('2026-03-11T14:59:59Z')
    expect(await core.background.backupIfDue()).toBe(false)
    core.setNow('2026-03-11T15:00:00Z')
    expect(await core.background.backupIfDue()).toBe(true)
    expect((await core.ok('backups.list', {})).backups.map((b) => b.reason)).toEqual(['daily', 'daily'])
  })
})

describe.skipIf(testDialect() === 'sqlite')('backups on a PostgreSQL server', () => {
  it('lists none, refuses to back up from a desk and says where backups are made, and schedule-all still runs', async () => {
    const core = await testCore()
    try {
      expect((await core.ok('backups.list', {})).backups).toEqual([])
      expect((await core.refused('backups.create', {})).message).toMatch(/backed up on the server/)
      expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 0 })
    } finally {
      await core.dispose()
    }
  })
})

describe('a backup before migrations', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('is taken when an existing database has migrations pending, and holds the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-mig-backup-'))
    dirs.push(dir)
    const path = join(dir, 'shop.db')
    const first = Object.keys(migrations).sort()[0]!
    const old = openConnection({ path })
    await migrateToLatest(old.db, first)
    old.sqlite.exec("insert into customers (name, created_at, updated_at) values ('Ada', 't', 't')")
    await old.close()

    const upgraded = await createCore({ dbPath: path, log: silentLogger, clock: fixedClock('2026-03-10T15:00:00Z') })
    try {
      const list = await upgraded.invoke('backups.list', {})
      expect(list.ok && list.data.backups.map((b) => b.reason)).toEqual(['before-migration'])
      const name = list.ok ? list.data.backups[0]!.name : ''
      const details = await upgraded.invoke('backups.inspect', { name })
      expect(details).toMatchObject({ ok: true, data: { ok: true, schemaVersion: first, counts: { customers: 1 } } })
    } finally {
      await upgraded.close()
    }
    // A new file and an up-to-date one are not backed up at start.
    const again = await createCore({ dbPath: path, log: silentLogger })
    const list = await again.invoke('backups.list', {})
    expect(list.ok && list.data.backups).toHaveLength(1)
    await again.close()
  })
})
