import { afterEach, describe, expect, it } from 'vitest'
import { openConnection, type SqliteConnection } from '../../../electron/core/db/connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'
import { databaseColumns } from './database-columns'

// Kysely's own bookkeeping, which `Database` rightly does not describe.
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

let connection: SqliteConnection | undefined
afterEach(async () => {
  await connection?.close()
  connection = undefined
})

async function migratedSchema(): Promise<Record<string, string[]>> {
  connection = openConnection({ path: ':memory:' })
  await migrateToLatest(connection.db)
  const { sqlite } = connection
  const tables = sqlite
    .prepare<[], string>(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .pluck()
    .all()
    .filter((t) => !MIGRATOR_TABLES.has(t))
  const columns = sqlite.prepare<[string], string>(`select name from pragma_table_info(?)`).pluck()
  return Object.fromEntries(tables.map((t) => [t, columns.all(t).sort()]))
}

describe('the Database interface', () => {
  it('names exactly the tables and columns the migrations make, both ways', async () => {
    const schema = await migratedSchema()
    const declared = Object.fromEntries(Object.entries(databaseColumns).map(([table, columns]) => [table, Object.keys(columns).sort()]))
    expect(Object.keys(declared).sort()).toEqual(Object.keys(schema).sort())
    for (const table of Object.keys(schema)) {
      expect({ table, columns: declared[table] }).toEqual({ table, columns: schema[table] })
    }
  })
})
