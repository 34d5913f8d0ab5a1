import { sql } from 'kysely'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { openConnection, type Connection } from '../../../electron/core/db/connection'
import { openPostgresConnection } from '../../../electron/core/db/postgres-connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'
import { testDialect, urlFor, withAdmin } from '../../helpers/postgres'
import { databaseColumns } from './database-columns'

// Kysely's own bookkeeping, which `Database` rightly does not describe.
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

let connection: Connection | undefined
let dropDatabase: (() => Promise<unknown>) | undefined
afterEach(async () => {
  await connection?.close()
  connection = undefined
  await dropDatabase?.()
  dropDatabase = undefined
})

/** The columns the migrations make on an empty PostgreSQL database (not the tests' template: these migrations run here). */
async function migratedPostgresSchema(): Promise<Record<string, string[]>> {
  const { adminUrl } = inject('postgres')
  const name = `shop_schema_${process.pid}`
  await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`).then(() => c.query(`create database ${name}`)))
  dropDatabase = () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`))
  connection = await openPostgresConnection({ url: urlFor(adminUrl, name), max: 1 })
  await migrateToLatest(connection.db)
  const rows = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns where table_schema = 'public'`.execute(connection.db)
  const schema: Record<string, string[]> = {}
  for (const r of rows.rows) if (!MIGRATOR_TABLES.has(r.table_name)) (schema[r.table_name] ??= []).push(r.column_name)
  for (const columns of Object.values(schema)) columns.sort()
  return schema
}

async function migratedSchema(): Promise<Record<string, string[]>> {
  if (testDialect() === 'postgres') return migratedPostgresSchema()
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
  it(`names exactly the tables and columns the migrations make, both ways (${testDialect()})`, async () => {
    const schema = await migratedSchema()
    const declared = Object.fromEntries(Object.entries(databaseColumns).map(([table, columns]) => [table, Object.keys(columns).sort()]))
    expect(Object.keys(declared).sort()).toEqual(Object.keys(schema).sort())
    for (const table of Object.keys(schema)) {
      expect({ table, columns: declared[table] }).toEqual({ table, columns: schema[table] })
    }
  })
})
