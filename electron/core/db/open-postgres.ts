import { sql } from 'kysely'
import { migrateToLatest } from './migrate'
import { migrations } from './migrations'
import { seedDefaults } from './seed-defaults'
import { openPostgresConnection, postgresProblem, redactUrl } from './postgres-connection'
import type { Connection } from './connection'
import type { OpenOutcome } from './open-database'
import type { Logger } from '../logger'

export interface OpenPostgresOptions {
  url: string
  password?: string
  now: () => Date
  timeZone: string
  log: Logger
}

/** The advisory lock key desks take while migrating and seeding one database (any constant; 'shop' in ASCII). */
const SCHEMA_LOCK = 0x73686f70

/**
 * Opens a shop's PostgreSQL database, or says why it cannot be used: the server must
 * answer (address, password, database name), its schema must not be newer than this build
 * (then nothing is touched), and the pending migrations and first-start defaults run under
 * an advisory lock, so two desks starting at once never migrate or seed twice.
 * Backups of a shared server are the server's job (pg_dump), not a desk's.
 */
export async function openPostgresDatabase(opts: OpenPostgresOptions): Promise<OpenOutcome<Connection>> {
  const where = redactUrl(opts.url)
  let connection
  try {
    connection = await openPostgresConnection({ url: opts.url, password: opts.password })
  } catch (error) {
    opts.log.error(`The database server ${where} cannot be opened`, error)
    return { kind: 'refused', code: 'cannot_open', message: postgresProblem(error, opts.url) }
  }
  try {
    const migrated = await connection.db.connection().execute(async (conn): Promise<{ newer: string[] } | { applied: string[] }> => {
      await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(conn)
      try {
        const known = await sql<{ exists: boolean }>`select to_regclass('kysely_migration') is not null as exists`.execute(conn)
        if (known.rows[0]?.exists) {
          const done = await sql<{ name: string }>`select name from kysely_migration`.execute(conn)
          const newer = done.rows.map((r) => r.name).filter((n) => !Object.hasOwn(migrations, n))
          if (newer.length > 0) return { newer }
        }
        const applied = await migrateToLatest(conn)
        await seedDefaults(conn, { timeZone: opts.timeZone, now: opts.now().toISOString() })
        return { applied }
      } finally {
        await sql`select pg_advisory_unlock(${SCHEMA_LOCK})`.execute(conn)
      }
    })
    if ('newer' in migrated) {
      await connection.close()
      opts.log.error(`The database ${where} holds migrations this build does not know: ${migrated.newer.join(', ')}`)
      return {
        kind: 'refused',
        code: 'newer_version',
        message: `The shop's database on ${where} was set up by a newer version of Shop Scheduler (it has changes this version does not know: ${migrated.newer.join(', ')}). Install the newer version on this computer; nothing on the server has been changed.`,
      }
    }
    return { kind: 'open', connection, migrated: migrated.applied }
  } catch (error) {
    await connection.close().catch(() => undefined)
    opts.log.error(`The database ${where} could not be prepared`, error)
    return { kind: 'refused', code: 'cannot_open', message: postgresProblem(error, opts.url) }
  }
}
