import SqliteDatabase from 'better-sqlite3'
import type { BackupCounts, BackupDetails, BackupSummary } from '../../../shared/domain/backups'
import { migrations } from '../db/migrations'

/** What `PRAGMA integrity_check` says, joined into one sentence; null when the file is sound. */
export function integrityProblem(sqlite: SqliteDatabase.Database, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string | null {
  const rows = sqlite.pragma(`${pragma}(20)`) as Array<Record<string, string>>
  const lines = rows.map((r) => Object.values(r)[0] ?? '')
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ')
}

const hasTable = (sqlite: SqliteDatabase.Database, name: string): boolean =>
  !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name)

function count(sqlite: SqliteDatabase.Database, table: string): number {
  if (!hasTable(sqlite, table)) return 0
  return (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
}

/** The migrations a database holds that this build does not know: it was written by a newer app. */
export function unknownMigrations(sqlite: SqliteDatabase.Database): string[] {
  if (!hasTable(sqlite, 'kysely_migration')) return []
  const names = (sqlite.prepare('select name from kysely_migration').all() as Array<{ name: string }>).map((r) => r.name)
  return names.filter((n) => !Object.hasOwn(migrations, n))
}

export function schemaVersionOf(sqlite: SqliteDatabase.Database): string | null {
  if (!hasTable(sqlite, 'kysely_migration')) return null
  return (sqlite.prepare('select max(name) as v from kysely_migration').get() as { v: string | null }).v
}

/**
 * Opens a backup read-only and reports what a person deciding to restore it needs: is it
 * sound, how much does it hold, and can this build open it.
 */
export function inspectBackup(summary: BackupSummary, nativeBinding?: string): BackupDetails {
  let sqlite: SqliteDatabase.Database | undefined
  const counts: BackupCounts = { customers: 0, vehicles: 0, activities: 0 }
  try {
    sqlite = new SqliteDatabase(summary.path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const problem = integrityProblem(sqlite)
    if (problem) return { ...summary, ok: false, problem: `The backup is damaged: ${problem}`, counts, schemaVersion: null }
    counts.customers = count(sqlite, 'customers')
    counts.vehicles = count(sqlite, 'vehicles')
    counts.activities = count(sqlite, 'activities')
    const schemaVersion = schemaVersionOf(sqlite)
    const newer = unknownMigrations(sqlite)
    if (newer.length > 0) {
      return {
        ...summary,
        ok: false,
        problem: 'The backup was made by a newer version of Shop Scheduler; update the app to restore it.',
        counts,
        schemaVersion,
      }
    }
    return { ...summary, ok: true, counts, schemaVersion }
  } catch (error) {
    return {
      ...summary,
      ok: false,
      problem: `The backup cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      counts,
      schemaVersion: null,
    }
  } finally {
    sqlite?.close()
  }
}
