/**
 * The envelope every channel answers with, over IPC and over the HTTP bridge alike.
 * Errors travel as data because Electron's IPC flattens thrown errors to a message string.
 */
export type ErrorCode =
  | 'invalid_input' // the input failed its schema; `issues` says which fields
  | 'not_found'
  | 'duplicate' // a unique value (VIN, name) is taken; the message names the holder
  | 'conflict' // a booking clashes with shop hours, a closure, a bay or a technician
  | 'stale' // optimistic concurrency: the record changed since it was read
  | 'invalid_transition' // a status change the rules forbid
  | 'refused' // a rule of the domain forbids it (e.g. deleting a built-in type)
  | 'unknown_channel'
  | 'damaged' // the database file failed its check: writes stop, the recovery screen offers a way out
  | 'newer_version' // the database was written by a newer version of the app
  | 'in_use' // another Shop Scheduler window or process has the file open
  | 'cannot_open' // the database file cannot be opened at all (permissions, not a file)
  | 'disk_full' // the disk (or the database's size limit) is full; nothing of this call was saved
  | 'offline' // the shop's database server cannot be reached; nothing of this call was saved, the desk reconnects by itself
  | 'internal'

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. `vin` or `hours.0.opens`. */
  path: string
  message: string
}

export interface AppErrorData {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
  /** Extra facts a screen may show, e.g. the current record on a stale edit. */
  details?: unknown
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }
