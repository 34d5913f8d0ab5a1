import { channel } from './define'
import {
  backupsSchemas as b,
  databaseSchemas as d,
  type BackupDetails,
  type BackupList,
  type BackupSettings,
  type DatabaseStatus,
  type RestoreResult,
} from '../domain/backups'

export const backupsContract = {
  'backups.list': channel<BackupList>()(b.list),
  /** "Back up now". */
  'backups.create': channel<BackupDetails>()(b.create),
  'backups.inspect': channel<BackupDetails>()(b.inspect),
  /** Backs up the open file first (or moves a damaged one aside), then switches to the backup. */
  'backups.restore': channel<RestoreResult>()(b.restore),
  'backups.configure': channel<BackupSettings>()(b.configure),
}

export const databaseContract = {
  'database.status': channel<DatabaseStatus>()(d.status),
  /** Recovery: opens another database file instead of the damaged one. */
  'database.open': channel<DatabaseStatus>()(d.open),
}
