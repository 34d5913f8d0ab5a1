import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { BackupDetails } from '../../../shared/domain/backups'
import { AppError } from '../errors'
import { backupPrefixOf, readBackupSettings } from './backup-settings'
import { nextBackupName, parseBackupName, pruneBackups } from './backup-files'
import { inspectBackup, integrityProblem } from './inspect-backup'

export interface TakeBackupOptions {
  dbPath: string
  reason: string
  now: Date
  nativeBinding?: string
}

/**
 * Copies the open database with SQLite's online backup (never a file copy, which would
 * miss what sits in the WAL), makes the copy one self-contained file, checks it with
 * `integrity_check`, and only then gives it its name; then keeps the newest N.
 * The caller holds the core's lock, so the copy is one consistent moment.
 *
 * @example
 * const backup = await takeBackup(sqlite, { dbPath, reason: 'manual', now: clock.now() })
 */
export async function takeBackup(sqlite: SqliteDatabase.Database, opts: TakeBackupOptions): Promise<BackupDetails> {
  const settings = readBackupSettings(opts.dbPath)
  const folder = settings.effectiveFolder
  try {
    mkdirSync(folder, { recursive: true })
  } catch (error) {
    throw new AppError(
      'refused',
      `The backup folder ${folder} cannot be created (${error instanceof Error ? error.message : String(error)}). Choose another folder in Settings → Backups.`,
    )
  }
  const prefix = backupPrefixOf(opts.dbPath)
  const name = nextBackupName(folder, prefix, opts.now, opts.reason)
  const final = join(folder, name)
  // Until it is checked it has a name no listing picks up.
  const partial = `${final}.partial`
  try {
    await sqlite.backup(partial)
    const copy = new SqliteDatabase(partial, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
    let problem: string | null
    try {
      // The copy inherits WAL mode; a backup must be one file that can be moved and opened alone.
      copy.pragma('journal_mode = DELETE')
      problem = integrityProblem(copy)
    } finally {
      copy.close()
    }
    if (problem) throw new AppError('damaged', `The backup failed its check and was discarded: ${problem}`)
    renameSync(partial, final)
  } catch (error) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(f, { force: true })
    throw error
  }
  pruneBackups(folder, prefix, settings.keep)
  const parsed = parseBackupName(prefix, name)!
  return inspectBackup({ name, path: final, sizeBytes: statSync(final).size, ...parsed }, opts.nativeBinding)
}
