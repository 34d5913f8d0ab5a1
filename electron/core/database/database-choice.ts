import { sql } from 'kysely'
import type { ChosenServer, ServerForm, ServerProblemCode, ServerTestResult } from '../../../shared/domain/database-server'
import type { SecretStore } from '../secrets/secret-store'
import type { DeskStore } from '../desk/desk-store'
import { openPostgresConnection, postgresProblem } from '../db/postgres-connection'
import { migrations } from '../db/migrations'
import { shopTables } from '../db/copy-to-postgres'

/** Where a server's password is kept in the desk's secret store: one per server address. */
export const serverPasswordKey = (url: string): string => `database-password:${serverAddress(url)}`

/** The address without its password: what the desk file, the screens and the logs may hold. */
export function serverAddress(url: string): string {
  try {
    const u = new URL(url)
    u.password = ''
    return u.toString()
  } catch {
    return 'postgres://…'
  }
}

/** `postgres://user@host:port/database` from the fields of Settings → Database (names are URL-escaped). */
export function serverUrl(form: Pick<ServerForm, 'host' | 'port' | 'database' | 'user'>): string {
  const host = form.host.includes(':') && !form.host.startsWith('[') ? `[${form.host}]` : form.host
  return `postgres://${encodeURIComponent(form.user)}@${host}:${form.port ?? 5432}/${encodeURIComponent(form.database)}`
}

/** The fields back from an address, for the form. */
export function chosenServer(url: string, hasPassword: boolean): ChosenServer {
  const u = new URL(url)
  return {
    url: serverAddress(url),
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username),
    hasPassword,
  }
}

export interface DatabaseChoice {
  /** Set when the desk uses a server; absent: the local file. */
  dbUrl?: string
  dbPassword?: string
}

/**
 * Which database a desk opens at start: SHOP_DB_URL when set, else the server chosen in
 * Settings → Database (kept in the desk file, its password in the secret store), else the local
 * file (nothing set: nothing changes). A password in SHOP_DB_URL wins; without one, the kept
 * password of the same server is used (else pg's own PGPASSWORD / .pgpass apply).
 *
 * @example
 * const core = await createCore({ dbPath, ...(await chooseDatabase({ env: process.env, desk, secrets })), ports: { desk, secrets } })
 */
export async function chooseDatabase(deps: {
  env: Readonly<Record<string, string | undefined>>
  desk: DeskStore
  secrets: SecretStore
}): Promise<DatabaseChoice> {
  const fromEnv = deps.env.SHOP_DB_URL?.trim()
  const url = fromEnv || (await deps.desk.read()).server
  if (!url) return {}
  const password = new URL(url).password ? null : await deps.secrets.get(serverPasswordKey(url))
  return password ? { dbUrl: url, dbPassword: password } : { dbUrl: url }
}

function problemCode(error: unknown): ServerProblemCode {
  const code = String((error as { code?: unknown }).code ?? '')
  if (/^E(CONNREFUSED|NOTFOUND|HOSTUNREACH|NETUNREACH|TIMEDOUT|CONNRESET|AI_AGAIN)$/.test(code)) return 'unreachable'
  if (error instanceof Error && /timeout/i.test(error.message)) return 'unreachable'
  if (code === '28P01' || code === '28000') return 'credentials'
  if (code === '3D000') return 'no_database'
  return 'other'
}

/**
 * Connects to a server once and says what it found, changing nothing: whether it answers,
 * takes the user and password, has the database, whether its schema is newer than this app,
 * and whether it already holds a shop.
 */
export async function testServer(url: string, password: string | undefined): Promise<ServerTestResult> {
  const where = serverAddress(url)
  let connection
  try {
    connection = await openPostgresConnection({ url, password, max: 1 })
  } catch (error) {
    return { ok: false, url: where, code: problemCode(error), message: postgresProblem(error, url) }
  }
  try {
    const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(connection.db)).rows[0]!.v.split(' ')[0]!
    const known = (await sql<{ exists: boolean }>`select to_regclass('kysely_migration') is not null as exists`.execute(connection.db)).rows[0]!.exists
    if (known) {
      const done = await sql<{ name: string }>`select name from kysely_migration`.execute(connection.db)
      const newer = done.rows.map((r) => r.name).filter((n) => !Object.hasOwn(migrations, n))
      if (newer.length > 0)
        return {
          ok: false,
          url: where,
          code: 'newer_version',
          message: `The shop's database on ${where} was set up by a newer version of Shop Scheduler (${newer.join(', ')}). Install that version on this computer first.`,
        }
    }
    const db = connection.db
    // The copy's own test of empty, so "empty" here is exactly what a copy accepts.
    const shop = (await shopTables((text) => sql.raw<Record<string, unknown>>(text).execute(db))).length > 0
    const vehicles = shop && known ? Number((await sql<{ n: number }>`select count(*) as n from vehicles`.execute(db)).rows[0]!.n) : 0
    return {
      ok: true,
      url: where,
      version,
      empty: !shop,
      message: shop
        ? `Connected to PostgreSQL ${version}. The database already holds a shop (${vehicles} vehicles): use it, but nothing can be copied into it.`
        : `Connected to PostgreSQL ${version}. The database is empty: copy this shop into it, or start a new shop there.`,
    }
  } catch (error) {
    return { ok: false, url: where, code: problemCode(error), message: postgresProblem(error, url) }
  } finally {
    await connection.close().catch(() => undefined)
  }
}
