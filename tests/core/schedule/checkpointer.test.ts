import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { checkpointOffThread, startCheckpointer } from '../../../electron/core/schedule/checkpointer'
import type { Database } from '../../../electron/core/db/database'
import { silentLogger } from '../../../electron/core/logger'
import { testCore } from '../../helpers/core'
import { testDialect } from '../../helpers/postgres'
import { onboard, referenceTemplates } from './db-fixtures'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// WAL checkpoints are the SQLite file's own; on PostgreSQL the checkpointer does nothing.
describe.skipIf(testDialect() === 'postgres')('off-thread checkpoints (the SQLite file itself)', () => {
  it('copies the committed log into the database file from a worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-ckpt-'))
    dirs.push(dir)
    const db = new SqliteDatabase(join(dir, 'x.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('create table t (v text)')
    const insert = db.prepare('insert into t values (?)')
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run('x'.repeat(100))
    })()
    const sizeBefore = statSync(join(dir, 'x.db')).size
    const checkpointer = await startCheckpointer(db)
    expect(checkpointer).toBeDefined()
    await checkpointer!.checkpoint()
    await checkpointer!.close()
    expect(statSync(join(dir, 'x.db')).size).toBeGreaterThan(sizeBefore + 400_000)
    db.close()
  })

  it('answers undefined for an in-memory database', async () => {
    const db = new SqliteDatabase(':memory:')
    expect(await startCheckpointer(db)).toBeUndefined()
    db.close()
  })

  it('a run switches the automatic checkpoint off while its worker checkpoints, and back on at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-ckpt-'))
    dirs.push(dir)
    const sqlite = new SqliteDatabase(join(dir, 'x.db'))
    sqlite.pragma('journal_mode = WAL')
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    const autocheckpoint = () => Number(sqlite.pragma('wal_autocheckpoint', { simple: true }))
    const checkpoints = checkpointOffThread({ sqlite, log: silentLogger, batch: (fn) => db.transaction().execute(fn) })
    await checkpoints.start()
    checkpoints.duringTransaction()
    expect(autocheckpoint()).toBe(0)
    sqlite.exec('create table t (v text)')
    checkpoints.afterCommit()
    await checkpoints.finish()
    expect(autocheckpoint()).toBe(1000)
    await db.destroy()
  })

  it('schedule-all switches the automatic checkpoint back on when it is done', async () => {
    const core = await testCore({ now: '2025-01-01T12:00:00Z' })
    try {
      await referenceTemplates(core)
      await core.db.updateTable('settings').set({ auto_schedule: 0 }).execute()
      for (const date of ['2025-01-01', '2025-01-02']) await onboard(core, date)
      expect(await core.ok('schedule.applyAll', {})).toMatchObject({ add: 26 })
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(core.db)
      expect(rows[0]?.wal_autocheckpoint).toBe(1000)
    } finally {
      await core.dispose()
    }
  })
})
