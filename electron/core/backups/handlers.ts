import { longRunning, type HandlerMap } from '../handler'

/**
 * Backups of the database file. Each runs outside the per-call transaction
 * (long-running): taking a backup or switching files needs the lock to itself, and these
 * are the channels that still answer when the database is damaged (the recovery screen).
 */
export const backupsHandlers = {
  'backups.list': longRunning<'backups.list'>((_input, ctx) => ctx.database.list()),
  'backups.create': longRunning<'backups.create'>((_input, ctx) => ctx.database.backup('manual')),
  'backups.inspect': longRunning<'backups.inspect'>(({ name }, ctx) => ctx.database.inspect(name)),
  'backups.restore': longRunning<'backups.restore'>(({ name }, ctx) => ctx.database.restore(name)),
  'backups.configure': longRunning<'backups.configure'>((input, ctx) => ctx.database.configure(input)),
} satisfies HandlerMap<'backups'>
