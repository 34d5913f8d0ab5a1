import { longRunning, type HandlerMap } from '../handler'

/**
 * The database file as a whole: its state and, in recovery, another file. Like backups,
 * these run outside the per-call transaction (long-running) and still answer when the
 * database is damaged (the recovery screen).
 */
export const databaseHandlers = {
  'database.status': longRunning<'database.status'>((_input, ctx) => ctx.database.status()),
  'database.open': longRunning<'database.open'>(({ path }, ctx) => ctx.database.open(path)),
} satisfies Pick<HandlerMap<'database'>, 'database.status' | 'database.open'>

/** Settings → Database: which server this desk uses, testing one, moving a shop to one (server-handlers.ts). */
export { databaseServerHandlers } from './server-handlers'
