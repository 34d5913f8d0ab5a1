import { existsSync, statSync } from 'node:fs'
import type { DatabaseProblemCode } from '../../../shared/domain/backups'
import { openConnection, type Connection, type SqliteConnection } from './connection'
import { migrateToLatest } from './migrate'
import { migrations } from './migrations'
import { seedDefaults } from './seed-defaults'
import { integrityProblem, unknownMigrations } from '../backups/inspect-backup'
import { takeBackup } from '../backups/take-backup'
import type { Logger } from '../logger'

export interface OpenDatabaseOptions {
  path: string
  nativeBinding?: string
  now: () => Date
  timeZone: string
  log: Logger
}

export type OpenOutcome<C extends Connection = SqliteConnection> =
  { kind: 'open'; connection: C; migrated: string[] } | { kind: 'refused'; code: DatabaseProblemCode; message: string }

function appliedMigrations(sqlite: SqliteConnection['sqlite']): string[] {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get()
  if (!table) return []
  return (sqlite.prepare('select name from kysely_migration').all() as Array<{ name: string }>).map((r) => r.name)
}

/**
 * Opens a database file for the app, or says why it must not be used: a quick check for
 * damage first (nothing is written to a damaged file), then the schema version (a file
 * from a newer app is left untouched), then a backup before any pending migration, then
 * the migrations and the first-start defaults.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenOutcome> {
  const existed = existsSync(opts.path) && statSync(opts.path).size > 0
  let connection: SqliteConnection
  try {
    connection = openConnection({ path: opts.path, nativeBinding: opts.nativeBinding })
  } catch (error) {
    return refusedFor(error, opts.path)
  }
  try {
    const problem = integrityProblem(connection.sqlite, 'quick_check')
    if (problem) {
      await connection.close()
      opts.log.error(`The database ${opts.path} failed its quick check: ${problem}`)
      return damaged(opts.path)
    }
    const newer = unknownMigrations(connection.sqlite)
    if (newer.length > 0) {
      await connection.close()
      opts.log.error(`The database ${opts.path} holds migrations this build does not know: ${newer.join(', ')}`)
      return {
        kind: 'refused',
        code: 'newer_version',
        message: `This database was written by a newer version of Shop Scheduler (it has changes this version does not know: ${newer.join(', ')}). Install the newer version to open it; the file has not been changed.`,
      }
    }
    const done = appliedMigrations(connection.sqlite)
    const pending = Object.keys(migrations).filter((m) => !done.includes(m))
    if (existed && done.length > 0 && pending.length > 0) {
      const backup = await takeBackup(connection.sqlite, { dbPath: opts.path, reason: 'before-migration', now: opts.now(), nativeBinding: opts.nativeBinding })
      opts.log.info(`Backed up ${opts.path} to ${backup.path} before ${pending.length} migration(s)`)
    }
    const migrated = await migrateToLatest(connection.db)
    await seedDefaults(connection.db, { timeZone: opts.timeZone, now: opts.now().toISOString() })
    return { kind: 'open', connection, migrated }
  } catch (error) {
    await connection.close().catch(() => undefined)
    const refused = refusedFor(error, opts.path)
    if (refused.code === 'damaged') return refused
    throw error
  }
}

function damaged(path: string): Extract<OpenOutcome, { kind: 'refused' }> {
  return {
    kind: 'refused',
    code: 'damaged',
    message: `The database ${path} is damaged, so nothing more is written to it. Restore the latest good backup, open another file, or quit. The damaged file is kept as it is.`,
  }
}

function refusedFor(error: unknown, path: string): Extract<OpenOutcome, { kind: 'refused' }> {
  const code = (error as { code?: unknown }).code
  if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
    return damaged(path)
  }
  return {
    kind: 'refused',
    code: 'cannot_open',
    message: `The database ${path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
  }
}
