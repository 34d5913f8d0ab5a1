/** Backups of the database file and the database's own state (normal or recovery). */
import { z } from 'zod'

export interface BackupSummary {
  /** File name inside the backup folder; what the other channels take. */
  name: string
  /** Full path, shown so a person can find it on disk. */
  path: string
  /** When it was taken (ISO instant). */
  takenAt: string
  /** Why it was taken (manual, daily, before-migration, before-restore, …); shown beside it in the list. */
  reason: string
  sizeBytes: number
}

export interface BackupCounts {
  customers: number
  vehicles: number
  activities: number
}

export interface BackupDetails extends BackupSummary {
  /** `PRAGMA integrity_check` passed. */
  ok: boolean
  /** What the check found when not ok, or why the file cannot be restored. */
  problem?: string
  counts: BackupCounts
  /** The last migration it holds; a backup from a newer app cannot be restored here. */
  schemaVersion: string | null
}

export interface BackupSettings {
  /** How many backups are kept; older ones are deleted after each new one. */
  keep: number
  /** The folder chosen by the user, or null for the default next to the database. */
  folder: string | null
  /** The folder in use now (the chosen one or the default). */
  effectiveFolder: string
}

export interface BackupList extends BackupSettings {
  /** Newest first. */
  backups: BackupSummary[]
}

export interface RestoreResult {
  restored: BackupDetails
  /** The copy of the file that was open before the restore (null when that file was damaged and moved aside instead). */
  safetyBackup: BackupSummary | null
  /** Where a damaged or refused file was moved, so nothing is ever overwritten. */
  movedAside: string | null
}

export type DatabaseProblemCode = 'damaged' | 'newer_version' | 'in_use' | 'cannot_open'

/** What the app's screens need to know before anything else: can the database be used? */
export interface DatabaseStatus {
  mode: 'normal' | 'recovery'
  /** The file the app has open (or tried to open). */
  path: string
  /** In recovery: what is wrong, in words for the shop. */
  problem: { code: DatabaseProblemCode; message: string } | null
  /** The newest backup that passes its integrity check, offered by the recovery screen. */
  latestGoodBackup: BackupDetails | null
  /** The full integrity check still runs in the background. */
  checking: boolean
  /**
   * Set while a shop's database server cannot be reached: every page says so, writes are
   * refused, and the desk tries again by itself until the server answers.
   */
  offline?: DatabaseOffline
}

export interface DatabaseOffline {
  /** In words for the shop: what cannot be reached and what that means for their changes. */
  message: string
  /** When this desk lost the server (ISO instant). */
  since: string
}

const backupName = z
  .string()
  .trim()
  .min(1, 'Choose a backup')
  .max(255)
  .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'A backup is named by its file name in the backup folder')

export const backupsSchemas = {
  list: z.object({}),
  create: z.object({}),
  inspect: z.object({ name: backupName }),
  restore: z.object({ name: backupName }),
  configure: z.object({
    keep: z.number().int('Keep a whole number of backups').min(1, 'Keep at least 1 backup').max(365, 'At most 365 backups').optional(),
    /** An absolute folder path, or null for the default next to the database. */
    folder: z.string().trim().max(1000).nullable().optional(),
  }),
}

export const databaseSchemas = {
  status: z.object({}),
  open: z.object({ path: z.string().trim().min(1, 'Give the path of a database file').max(1000) }),
}
