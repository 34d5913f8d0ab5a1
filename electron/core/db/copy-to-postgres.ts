import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { migrateToLatest } from './migrate'
import { migrations } from './migrations'
import { openPostgresConnection, postgresProblem, redactUrl } from './postgres-connection'
import { AppError } from '../errors'

export interface CopyOptions {
  /** The shop's SQLite file; opened read-only, never changed. */
  from: string
  /** An EMPTY PostgreSQL database: `postgres://user@host:port/database`. */
  to: string
  /** The password when the URL holds none. */
  password?: string
  /** better-sqlite3 binary built for Electron's ABI, inside Electron. */
  nativeBinding?: string
  /** Rows per multi-row insert, at most (PostgreSQL takes 65,535 parameters a statement). */
  batchRows?: number
  /** Rows compared column by column per table: this many first, last and random ones by key. */
  sample?: number
  onProgress?(table: string, done: number, total: number): void
}

export interface CopiedTable {
  table: string
  rows: number
  /** Rows compared column by column with the source. */
  sampled: number
}

export interface CopyReport {
  to: string
  tables: CopiedTable[]
  /** True when triggers were off for the copy (`session_replication_role = replica`, a superuser's right). */
  triggersOff: boolean
}

/** Bookkeeping the migrations keep for themselves: the target gets its own from running them. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])
/**
 * Tables the migrations themselves fill with their one row of defaults: a database that holds
 * only these (and no other row) is still empty. tests/core/db/copy-to-postgres.test.ts checks
 * the list against what the migrations leave.
 */
export const MIGRATION_ROWS: ReadonlySet<string> = new Set(['invite_calendar', 'sync_settings', 'email_settings', 'staff_notice_settings', 'autobook_settings'])
/** Copied last, after deleting what the outbox triggers queued while activities were copied. */
const OUTBOX = 'sync_outbox'

type Row = Record<string, unknown>
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Copies a shop's SQLite database into an empty PostgreSQL database, then proves the copy:
 * the target is migrated to this build's schema, every table is copied in foreign-key order in
 * multi-row batches in ONE transaction, each identity sequence is set past the copied ids, and
 * before the commit every table's row count and a sample of rows (first, last and random ones
 * by key) are compared with the source column by column. Anything off rolls the data back and
 * throws; the SQLite file is opened read-only and never changed. The calendar outbox is copied
 * as data: its triggers are switched off for the session where the user may, else whatever
 * they queued during the copy is deleted before the outbox's own rows go in.
 *
 * A database that already holds a shop (any row besides the migrations' own defaults) is
 * refused with an `AppError('refused')`, untouched.
 *
 * @example
 * const report = await copyToPostgres({ from: 'shop.db', to: 'postgres://shop@server/shop' })
 */
export async function copyToPostgres(opts: CopyOptions): Promise<CopyReport> {
  const where = redactUrl(opts.to)
  const source = new SqliteDatabase(opts.from, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) })
  try {
    checkSourceSchema(source, opts.from)
    const client = new pg.Client({
      connectionString: opts.to,
      ...(opts.password !== undefined && !new URL(opts.to).password ? { password: opts.password } : {}),
      connectionTimeoutMillis: 5000,
      application_name: 'shop-scheduler-copy',
    })
    await client.connect().catch((error: unknown) => {
      throw new AppError('cannot_open', postgresProblem(error, opts.to))
    })
    client.on('error', () => undefined)
    try {
      await refuseUnlessEmpty(client, where)
      await migrate(opts)
      // One snapshot of the source for the whole copy and its checks (WAL readers see a fixed state).
      source.exec('begin')
      try {
        return await copyAll(source, client, opts, where)
      } finally {
        source.exec('rollback')
      }
    } finally {
      await client.end().catch(() => undefined)
    }
  } finally {
    source.close()
  }
}

function checkSourceSchema(source: SqliteDatabase.Database, path: string): void {
  const known = source.prepare(`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`).get()
  if (!known) throw new AppError('refused', `${path} is not a Shop Scheduler database (it has no migrations).`)
  const done = new Set((source.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name))
  const newer = [...done].filter((n) => !Object.hasOwn(migrations, n))
  if (newer.length > 0)
    throw new AppError('newer_version', `${path} was written by a newer version of Shop Scheduler (${newer.join(', ')}); copy it with that version.`)
  const pending = Object.keys(migrations).filter((n) => !done.has(n))
  if (pending.length > 0)
    throw new AppError(
      'refused',
      `${path} is from an older version of Shop Scheduler: open it once in this version (which brings it up to date), then copy it.`,
    )
}

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>

async function publicTables(query: Query): Promise<string[]> {
  const { rows } = await query(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)
  return rows.map((r) => String(r.name))
}

/**
 * The tables that make a database hold a shop: any row besides the migrations' own defaults.
 * Empty (`[]`): no tables at all, or only what the migrations leave (a copy that failed before commit).
 */
export async function shopTables(query: Query): Promise<string[]> {
  const holding: string[] = []
  for (const table of await publicTables(query)) {
    if (MIGRATION_TABLES.has(table)) continue
    const { rows } = await query(`select count(*) as n from ${quote(table)}`)
    const n = Number(rows[0]!.n)
    if (n > (MIGRATION_ROWS.has(table) ? 1 : 0)) holding.push(`${table} (${n})`)
  }
  return holding
}

async function refuseUnlessEmpty(client: pg.Client, where: string): Promise<void> {
  const holding = await shopTables((text) => client.query(text))
  if (holding.length > 0)
    throw new AppError(
      'refused',
      `The database ${where} is not empty: it already holds ${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}. Copy a shop only into a new, empty database (createdb); nothing was changed.`,
    )
}

/** The target gets this build's schema, each migration in its own transaction, as a desk's first start would. */
async function migrate(opts: CopyOptions): Promise<void> {
  const connection = await openPostgresConnection({ url: opts.to, password: opts.password, max: 1 })
  try {
    await migrateToLatest(connection.db)
  } finally {
    await connection.close()
  }
}

interface TableShape {
  name: string
  columns: string[]
  key: string[]
  identity: string | null
}

async function shapes(client: pg.Client, source: SqliteDatabase.Database): Promise<TableShape[]> {
  const names = (await publicTables((text) => client.query(text))).filter((t) => !MIGRATION_TABLES.has(t))
  const sourceTables = new Set(
    (source.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[])
      .map((r) => r.name)
      .filter((t) => !MIGRATION_TABLES.has(t)),
  )
  const missing = [...sourceTables].filter((t) => !names.includes(t))
  if (missing.length > 0) throw new Error(`The server's schema lacks tables the file has: ${missing.join(', ')}`)
  const result: TableShape[] = []
  for (const name of names) {
    const cols = await client.query<{ column_name: string; is_identity: string }>(
      `select column_name, is_identity from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
      [name],
    )
    const key = await client.query<{ attname: string }>(
      `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
      [`public.${quote(name)}`],
    )
    const columns = cols.rows.map((c) => c.column_name)
    const sourceColumns = sourceTables.has(name)
      ? (source.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name)
      : []
    const differ = columns.filter((c) => !sourceColumns.includes(c)).concat(sourceColumns.filter((c) => !columns.includes(c)))
    if (sourceTables.has(name) && differ.length > 0) throw new Error(`The table ${name} differs between the file and the server (columns ${differ.join(', ')})`)
    result.push({ name, columns, key: key.rows.map((k) => k.attname), identity: cols.rows.find((c) => c.is_identity === 'YES')?.column_name ?? null })
  }
  return result
}

/** Parents before children, by the target's foreign keys; the outbox last. */
async function foreignKeyOrder(client: pg.Client, tables: TableShape[]): Promise<TableShape[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  )
  const byName = new Map(tables.map((t) => [t.name, t]))
  const ordered: TableShape[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string) => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') throw new Error(`The foreign keys of ${name} form a cycle`)
    state.set(name, 'visiting')
    for (const r of rows) if (r.child === name) visit(r.parent)
    state.set(name, 'done')
    const table = byName.get(name)
    if (table) ordered.push(table)
  }
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) if (t.name !== OUTBOX) visit(t.name)
  const outbox = byName.get(OUTBOX)
  return outbox ? [...ordered, outbox] : ordered
}

async function copyAll(source: SqliteDatabase.Database, client: pg.Client, opts: CopyOptions, where: string): Promise<CopyReport> {
  const tables = await foreignKeyOrder(client, await shapes(client, source))
  // Triggers (the outbox's and the foreign keys') off for this session, where the user may.
  const triggersOff = await client
    .query('set session_replication_role = replica')
    .then(() => true)
    .catch(() => false)
  await client.query('begin')
  try {
    // What the migrations put in (their one row of defaults) gives way to the shop's own rows.
    for (const t of [...tables].reverse()) await client.query(`delete from ${quote(t.name)}`)
    const report: CopiedTable[] = []
    for (const t of tables) {
      // The outbox triggers queued rows for the copied activities (only with triggers on): the outbox is the file's.
      if (t.name === OUTBOX) await client.query(`delete from ${quote(t.name)}`)
      const rows = await insertTable(source, client, t, opts)
      if (t.identity) {
        await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(t.identity)}) from ${quote(t.name)}), 0) + 1, false)`, [
          `public.${quote(t.name)}`,
          t.identity,
        ])
      }
      report.push({ table: t.name, rows, sampled: 0 })
    }
    for (const entry of report)
      entry.sampled = await verifyTable(
        source,
        client,
        tables.find((t) => t.name === entry.table)!,
        opts.sample ?? 50,
      )
    await client.query('commit')
    return { to: where, tables: report, triggersOff }
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    if (triggersOff) await client.query('set session_replication_role = origin').catch(() => undefined)
  }
}

function sourceCount(source: SqliteDatabase.Database, table: string): number {
  return (source.prepare(`select count(*) as n from ${quote(table)}`).get() as { n: number }).n
}

async function insertTable(source: SqliteDatabase.Database, client: pg.Client, t: TableShape, opts: CopyOptions): Promise<number> {
  const exists = source.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(t.name)
  if (!exists) return 0
  const total = sourceCount(source, t.name)
  const perBatch = Math.max(1, Math.min(opts.batchRows ?? 1000, Math.floor(60_000 / t.columns.length)))
  const columnList = t.columns.map(quote).join(', ')
  const order = t.key.length > 0 ? ` order by ${t.key.map(quote).join(', ')}` : ''
  const statement = source.prepare(`select ${columnList} from ${quote(t.name)}${order}`).raw(true)
  let batch: unknown[][] = []
  let done = 0
  const flush = async () => {
    if (batch.length === 0) return
    const params: unknown[] = []
    const tuples = batch.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`)
    await client.query(`insert into ${quote(t.name)} (${columnList}) overriding system value values ${tuples.join(', ')}`, params)
    done += batch.length
    batch = []
    opts.onProgress?.(t.name, done, total)
  }
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    batch.push(row.map(toPostgres))
    if (batch.length >= perBatch) {
      // better-sqlite3's iterator holds the source; the await only sends to the server.
      await flush()
    }
  }
  await flush()
  return done
}

/** SQLite hands integers beyond 2^53 as bigint, blobs as buffers; the schema has neither, but say so rather than guess. */
function toPostgres(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  return value
}

/**
 * The row count, then the first, last and random `sample` rows by key, column by column.
 * A table without a key is compared whole (the small link and settings tables).
 */
async function verifyTable(source: SqliteDatabase.Database, client: pg.Client, t: TableShape, sample: number): Promise<number> {
  const hasSource = Boolean(source.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(t.name))
  const expected = hasSource ? sourceCount(source, t.name) : 0
  const { rows: countRows } = await client.query<{ n: string }>(`select count(*) as n from ${quote(t.name)}`)
  const actual = Number(countRows[0]!.n)
  if (actual !== expected) throw new Error(`The copy of ${t.name} holds ${actual} rows, the file ${expected}; nothing was kept on the server.`)
  if (expected === 0) return 0
  const columnList = t.columns.map(quote).join(', ')
  const key = t.key.length > 0 ? t.key : t.columns
  const keyList = key.map(quote).join(', ')
  const picks = t.key.length > 0 ? pickSample(source, t, keyList, sample) : (source.prepare(`select ${columnList} from ${quote(t.name)}`).all() as Row[])
  const params: unknown[] = []
  const tuples = picks.map((row) => `(${key.map((k) => `$${params.push(row[k])}`).join(', ')})`)
  const { rows: copied } = await client.query<Row>(`select ${columnList} from ${quote(t.name)} where (${keyList}) in (${tuples.join(', ')})`, params)
  const keyOf = (row: Row) => JSON.stringify(key.map((k) => row[k]))
  const byKey = new Map(copied.map((r) => [keyOf(r), r]))
  for (const row of picks) {
    const other = byKey.get(keyOf(row))
    if (!other) throw new Error(`The copy of ${t.name} lacks the row ${keyOf(row)}; nothing was kept on the server.`)
    for (const column of t.columns) {
      if (!sameValue(row[column], other[column]))
        throw new Error(
          `The copy of ${t.name} differs at ${keyOf(row)}, column ${column}: ${JSON.stringify(other[column])} instead of ${JSON.stringify(row[column])}; nothing was kept on the server.`,
        )
    }
  }
  return picks.length
}

function pickSample(source: SqliteDatabase.Database, t: TableShape, keyList: string, sample: number): Row[] {
  const table = quote(t.name)
  const desc = t.key.map((k) => `${quote(k)} desc`).join(', ')
  const rows = [
    ...(source.prepare(`select * from ${table} order by ${keyList} limit ?`).all(sample) as Row[]),
    ...(source.prepare(`select * from ${table} order by ${desc} limit ?`).all(sample) as Row[]),
    ...(source.prepare(`select * from ${table} order by random() limit ?`).all(sample) as Row[]),
  ]
  const seen = new Set<string>()
  return rows.filter((row) => {
    const k = JSON.stringify(t.key.map((c) => row[c]))
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined
  if (typeof a === 'bigint') return String(a) === String(b)
  return a === b
}
