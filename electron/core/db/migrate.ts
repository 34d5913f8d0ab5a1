import { Migrator, type Kysely, type MigrationResultSet } from 'kysely'
import type { Database } from './database'
import { migrations } from './migrations'

/**
 * Brings the schema up to date, one migration a transaction, so a failure leaves the
 * database at the last migration that fully applied.
 *
 * @example
 * await migrateToLatest(db)
 * await migrateToLatest(db, '2026-11-21-001-customers-vehicles') // tests: stop at one
 */
export async function migrateToLatest(db: Kysely<Database>, target?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const applied: string[] = []
  for (;;) {
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt)
    const next = pending[0]
    if (!next) break
    const set: MigrationResultSet = await migrator.migrateUp()
    if (set.error) {
      const name = set.results?.find((r) => r.status === 'Error')?.migrationName ?? next.name
      throw new Error(`Database migration ${name} failed: ${String(set.error)}`, { cause: set.error })
    }
    applied.push(next.name)
    if (next.name === target) break
  }
  return applied
}
