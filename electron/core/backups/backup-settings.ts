import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { BackupSettings } from '../../../shared/domain/backups'

export const DEFAULT_KEEP = 14

/**
 * Backup settings live in a small file beside the database, not in it: they must be
 * readable before migrations run and when the database itself is damaged, which is
 * exactly when the backups are needed.
 */
export const settingsFileOf = (dbPath: string): string => `${dbPath}.backups.json`

/** The default folder: `backups` beside the database, in the user-data folder unless moved. */
export const defaultFolderOf = (dbPath: string): string => join(dirname(dbPath), 'backups')

/** The prefix every backup of this database starts with, so two databases can share a folder. */
export const backupPrefixOf = (dbPath: string): string => basename(dbPath).replace(/\.[^.]+$/, '')

export function readBackupSettings(dbPath: string): BackupSettings {
  let keep = DEFAULT_KEEP
  let folder: string | null = null
  const file = settingsFileOf(dbPath)
  if (existsSync(file)) {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { keep?: unknown; folder?: unknown }
      if (typeof raw.keep === 'number' && Number.isInteger(raw.keep) && raw.keep >= 1) keep = raw.keep
      if (typeof raw.folder === 'string' && isAbsolute(raw.folder)) folder = raw.folder
    } catch {
      // A hand-edited, broken file falls back to the defaults rather than stopping backups.
    }
  }
  return { keep, folder, effectiveFolder: folder ?? defaultFolderOf(dbPath) }
}

/** Written to a temporary file and renamed, so a crash never leaves half a settings file. */
export function writeBackupSettings(dbPath: string, settings: { keep: number; folder: string | null }): BackupSettings {
  const file = settingsFileOf(dbPath)
  writeFileSync(`${file}.tmp`, JSON.stringify({ keep: settings.keep, folder: settings.folder }, null, 2))
  renameSync(`${file}.tmp`, file)
  return readBackupSettings(dbPath)
}
