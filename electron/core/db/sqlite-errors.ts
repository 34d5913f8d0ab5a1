import { AppError } from '../errors'

/** better-sqlite3's SqliteError carries SQLite's result code as `code`, e.g. `SQLITE_FULL`. */
const sqliteCode = (error: unknown): string | undefined =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string' ? (error as unknown as { code: string }).code : undefined

export const DISK_FULL_MESSAGE =
  'The disk is full, so this change was not saved. Everything saved before is safe. Free some space on the disk (or choose a backup folder elsewhere) and try again.'

export const IN_USE_MESSAGE =
  'The database is in use by another Shop Scheduler window or process. Close the other one (or wait for it to finish) and try again.'

/**
 * Turns SQLite's own failures into refusals a shop can act on. Answers undefined for
 * anything else, which stays an internal error.
 */
export function sqliteFailure(error: unknown): AppError | undefined {
  const code = sqliteCode(error)
  if (!code) return undefined
  if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR_WRITE' && /disk|space/i.test(String((error as Error).message)))) {
    return new AppError('disk_full', DISK_FULL_MESSAGE)
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('in_use', IN_USE_MESSAGE)
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('damaged', 'The database file is damaged. Nothing more is written to it; restore a backup from the recovery screen.')
  }
  return undefined
}
