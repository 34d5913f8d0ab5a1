import { createHash } from 'node:crypto'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../electron/core'
import { fixedClock } from '../../../electron/core/clock'
import type { Logger } from '../../../electron/core/logger'
import type { DatabaseStatus } from '../../../shared/domain/backups'

let dir: string
let path: string
const cores: Core[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shop-recovery-'))
  path = join(dir, 'shop.db')
})
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
  rmSync(dir, { recursive: true, force: true })
})

const logged: string[] = []
const log: Logger = { info() {}, warn() {}, error: (m) => void logged.push(m) }
async function open(file = path): Promise<Core> {
  const core = await createCore({ dbPath: file, log, clock: fixedClock('2026-03-10T15:00:00Z'), timeZone: 'UTC', integrityDelayMs: 60_000 })
  cores.push(core)
  return core
}
async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.data
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** A shop with three customers and a backup of them, closed cleanly. */
async function shopWithBackup(): Promise<string> {
  const core = await open()
  for (const name of ['Ada', 'Ben', 'Cy']) await ok(core.invoke('customers.create', { name }))
  const backup = await ok(core.invoke('backups.create', {}))
  await ok(core.invoke('customers.create', { name: 'Dee' }))
  await core.close()
  cores.splice(cores.indexOf(core), 1)
  return backup.name
}

/** Overwrites one page in the middle of the customers table's b-tree with garbage. */
function corruptCustomersTable(file: string): void {
  const db = new SqliteDatabase(file)
  const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'customers'").get() as { rootpage: number }
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.close()
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, (rootpage - 1) * pageSize + 8)
  closeSync(fd)
}

describe('damage caught at start', () => {
  it('a damaged file opens in recovery: writes are refused with "damaged", the file is never touched, the latest good backup restores', async () => {
    const backupName = await shopWithBackup()
    corruptCustomersTable(path)
    const before = sha(path)

    const core = await open()
    const status = await ok(core.invoke('database.status', {}))
    expect(status).toMatchObject({ mode: 'recovery', problem: { code: 'damaged' }, latestGoodBackup: { name: backupName, counts: { customers: 3 } } })
    expect(status.problem!.message).toMatch(/damaged/)
    const refused = await core.invoke('customers.create', { name: 'Eve' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'damaged' } })
    expect(await core.invoke('customers.list', {})).toMatchObject({ ok: false, error: { code: 'damaged' } })
    expect(sha(path)).toBe(before)

    const statuses: DatabaseStatus[] = []
    core.events.on('database', (s) => statuses.push(s))
    const restored = await ok(core.invoke('backups.restore', { name: backupName }))
    expect(restored.safetyBackup).toBeNull()
    expect(restored.movedAside).toMatch(/shop\.db\.damaged-/)
    expect(sha(restored.movedAside!)).toBe(before) // kept as it was, beside the restored file
    expect(statuses.at(-1)).toMatchObject({ mode: 'normal', problem: null })
    const customers = await ok(core.invoke('customers.list', {}))
    expect(customers.map((c) => c.name).sort()).toEqual(['Ada', 'Ben', 'Cy'])
    await ok(core.invoke('customers.create', { name: 'Eve' }))
  })

  it('damage the quick check misses is found by the full check in the background, and writing stops', async () => {
    const core0 = await open()
    for (const name of ['Ada', 'Ben']) await ok(core0.invoke('customers.create', { name, email: `${name}@x.test` }))
    await core0.close()
    cores.splice(0)
    // An index whose definition no longer matches its entries: quick_check does not compare them.
    const db = new SqliteDatabase(path)
    db.exec('create index customers_email_test on customers(email)')
    db.unsafeMode(true) // better-sqlite3 runs in defensive mode, which forbids editing the schema table
    db.pragma('writable_schema = ON')
    db.prepare("update sqlite_master set sql = 'CREATE INDEX customers_email_test on customers(name)' where name = 'customers_email_test'").run()
    db.close()

    const core = await open()
    expect(await ok(core.invoke('database.status', {}))).toMatchObject({ mode: 'normal', checking: true })
    const statuses: DatabaseStatus[] = []
    core.events.on('database', (s) => statuses.push(s))
    expect(await core.background.checkIntegrity()).toBe(false)
    expect(statuses.at(-1)).toMatchObject({ mode: 'recovery', problem: { code: 'damaged' } })
    expect(await core.invoke('customers.create', { name: 'Cy' })).toMatchObject({ ok: false, error: { code: 'damaged' } })
  })

  it('a sound file passes the full check and stays writable', async () => {
    const core = await open()
    await ok(core.invoke('customers.create', { name: 'Ada' }))
    expect(await core.background.checkIntegrity()).toBe(true)
    expect(await ok(core.invoke('database.status', {}))).toMatchObject({ mode: 'normal', checking: false })
  })

  it('recovery can open another file instead', async () => {
    await shopWithBackup()
    corruptCustomersTable(path)
    const core = await open()
    const other = join(dir, 'fresh.db')
    const status = await ok(core.invoke('database.open', { path: other }))
    expect(status).toMatchObject({ mode: 'normal', path: other })
    await ok(core.invoke('customers.create', { name: 'New start' }))
    expect(core.openPath()).toBe(other)
    expect(await core.invoke('database.open', { path: 'relative.db' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('a file that is not a database at all opens in recovery, untouched', async () => {
    writeFileSync(path, 'this is a spreadsheet, not a database'.repeat(200))
    const before = sha(path)
    const core = await open()
    expect(await ok(core.invoke('database.status', {}))).toMatchObject({ mode: 'recovery', problem: { code: 'damaged' } })
    expect(sha(path)).toBe(before)
  })
})

describe('a database from a newer app version', () => {
  it('is refused with a clear message and not changed', async () => {
    const first = await open()
    await ok(first.invoke('customers.create', { name: 'Ada' }))
    await first.close()
    cores.splice(0)
    const db = new SqliteDatabase(path)
    db.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-999-from-the-future', '2099-01-01T00:00:00Z')").run()
    db.close()
    const before = sha(path)

    const core = await open()
    const status = await ok(core.invoke('database.status', {}))
    expect(status).toMatchObject({ mode: 'recovery', problem: { code: 'newer_version' } })
    expect(status.problem!.message).toMatch(/newer version of Shop Scheduler/)
    expect(await core.invoke('customers.list', {})).toMatchObject({ ok: false, error: { code: 'newer_version' } })
    await core.close()
    cores.splice(0)
    expect(sha(path)).toBe(before)
  })
})

describe('disk full', () => {
  it('says the disk is full, loses nothing committed, and works again when space returns', async () => {
    const core = await open()
    await ok(core.invoke('customers.create', { name: 'Kept' }))
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(core.db)).rows[0]!.page_count
    await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(core.db)
    logged.length = 0
    const notes = 'x'.repeat(1900)
    let refusal: unknown
    for (let i = 0; i < 50 && !refusal; i++) {
      const r = await core.invoke('customers.create', { name: `Filler ${i}`, notes })
      if (!r.ok) refusal = r.error
    }
    expect(refusal).toMatchObject({ code: 'disk_full' })
    expect((refusal as { message: string }).message).toMatch(/disk is full/)
    expect((refusal as { message: string }).message).not.toMatch(/cannot rollback/)
    expect(logged.some((m) => /disk is full/.test(m))).toBe(true)
    const names = (await ok(core.invoke('customers.list', {}))).map((c) => c.name)
    expect(names).toContain('Kept')

    await sql.raw('pragma max_page_count = 1073741823').execute(core.db)
    await ok(core.invoke('customers.create', { name: 'After space returned' }))
    expect((await ok(core.invoke('customers.list', {}))).map((c) => c.name)).toContain('After space returned')
  })
})

describe('a second process on the same file', () => {
  it('is told the database is in use by another Shop Scheduler window or process', async () => {
    const core = await open()
    await expect(open()).rejects.toThrow(/in use by another Shop Scheduler window or process/)
    await ok(core.invoke('customers.create', { name: 'Ada' })) // the first one is unaffected
    await core.close()
    cores.splice(0)
    const again = await open()
    expect(await ok(again.invoke('customers.list', {}))).toHaveLength(1)
  })

  it('refuses a file another running process holds, and takes over the lock of one that crashed', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    try {
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: child.pid, host: (await import('node:os')).hostname(), since: 'x' }))
      await expect(open()).rejects.toMatchObject({ code: 'in_use', message: expect.stringMatching(/in use by another Shop Scheduler/) })
    } finally {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    // The holder died without cleaning up (kill -9): the next start opens normally.
    const core = await open()
    expect(await ok(core.invoke('database.status', {}))).toMatchObject({ mode: 'normal' })
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(process.pid)
    await core.close()
    cores.splice(0)
    expect(existsSync(`${path}.lock`)).toBe(false)
    expect(statSync(path).size).toBeGreaterThan(0)
  })
})
