import { PostgresAdapter, sql, type CompiledQuery, type Kysely } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'
import type { ActivityRow, Database } from '../db/database'
import type { ReadContext } from './read-context'

const COLUMNS = [
  'a.id',
  'a.vehicle_id',
  'a.activity_type_id',
  'a.origin',
  'a.template_id',
  'a.occurrence_index',
  'a.due_date',
  'a.start_at',
  'a.end_at',
  'a.bay_id',
  'a.technician_id',
  'a.status',
  'a.pinned',
  'a.version',
  'v.year',
  'v.make',
  'v.model',
  'v.license_plate',
  'v.customer_id',
  'c.name as customer_name',
] as const

/**
 * Columns a person fills in later (start, completion, cancellation, notes, contact). Most
 * listed rows are planned work with all of them null, and every value read costs time on
 * ten thousand rows, so they come as ONE column: null, or a JSON array in this order.
 */
const DETAILS = [
  'started_at',
  'completed_at',
  'completed_by',
  'completion_odometer',
  'completion_notes',
  'cancel_reason',
  'notes',
  'contacted_at',
] as const satisfies ReadonlyArray<keyof ActivityRow>
const detailColumns = sql.join(DETAILS.map((c) => sql.ref(`a.${c}`)))
const details = sql<string | null>`case when coalesce(${detailColumns}) is null then null else json_array(${detailColumns}) end`
// PostgreSQL's coalesce wants one type (the details mix text and integers); json arrives as text, parsed here.
const pgDetails = sql<string | null>`case when num_nonnulls(${detailColumns}) = 0 then null else json_build_array(${detailColumns})::text end`

/**
 * Activities with their vehicle and customer, in ONE query: the read models never run a
 * query per row. Names from the small reference tables (type, bay, technician, template)
 * come from `ReadContext.lookups` instead of joined columns: every string column costs
 * time on each of ten thousand rows. Filters on the type use a subquery on its small table
 * rather than a join, which would cost a lookup per row whether a filter needs it or not.
 *
 * @example
 * const rows = await selectActivities(db).where('a.vehicle_id', '=', 7).execute()
 */
export const selectActivities = (db: Kysely<Database>) =>
  db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(COLUMNS)
    .select((db.getExecutor().adapter instanceof PostgresAdapter ? pgDetails : details).as('details'))

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>
/** A listed activity with its vehicle and customer, the details unpacked again. */
export type ActivityJoinedRow = Omit<SelectedRow, 'details'> & Pick<ActivityRow, (typeof DETAILS)[number]>

/** Each column's name in a row built below: the select list, then the unpacked details. */
const KEYS: readonly string[] = [...COLUMNS.map((c) => (c.includes(' as ') ? c.split(' as ')[1]! : c.split('.')[1]!)), ...DETAILS]
const NO_DETAILS: readonly unknown[] = DETAILS.map(() => null)

// A fixed-shape literal is what makes building rows cheap; it must follow COLUMNS and then
// DETAILS exactly, which the check below enforces as soon as the module loads.
const fromValues = (v: unknown[], d: readonly unknown[] = NO_DETAILS) => ({
  id: v[0],
  vehicle_id: v[1],
  activity_type_id: v[2],
  origin: v[3],
  template_id: v[4],
  occurrence_index: v[5],
  due_date: v[6],
  start_at: v[7],
  end_at: v[8],
  bay_id: v[9],
  technician_id: v[10],
  status: v[11],
  pinned: v[12],
  version: v[13],
  year: v[14],
  make: v[15],
  model: v[16],
  license_plate: v[17],
  customer_id: v[18],
  customer_name: v[19],
  started_at: d[0],
  completed_at: d[1],
  completed_by: d[2],
  completion_odometer: d[3],
  completion_notes: d[4],
  cancel_reason: d[5],
  notes: d[6],
  contacted_at: d[7],
})
if (Object.keys(fromValues([])).join() !== KEYS.join()) {
  throw new Error('selectActivities: fromValues does not follow the COLUMNS and DETAILS order')
}
const DETAILS_AT = COLUMNS.length

const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>()

/**
 * Runs a compiled `selectActivities` query and unpacks its details: on SQLite through
 * `runRawRows`, on PostgreSQL through Kysely (the rows arrive as objects already).
 *
 * @example
 * const rows = await runRows(rc, selectActivities(rc.db).where('a.id', '=', 4).compile())
 */
export async function runRows(rc: Pick<ReadContext, 'db' | 'dialect' | 'sqlite'>, query: CompiledQuery): Promise<ActivityJoinedRow[]> {
  if (rc.dialect === 'sqlite' && rc.sqlite) return runRawRows(rc.sqlite, query)
  const { rows } = await rc.db.executeQuery<Record<string, unknown> & { details: string | null }>(query)
  return rows.map((row) => {
    const values = KEYS.slice(0, DETAILS_AT).map((key) => row[key])
    return fromValues(values, row.details === null ? NO_DETAILS : (JSON.parse(row.details) as unknown[])) as ActivityJoinedRow
  })
}

/**
 * Runs a compiled `selectActivities` query on the raw connection in array mode and builds
 * the rows in JavaScript. better-sqlite3 builds a 30-key object per row slowly; arrays
 * plus a fixed-shape object here read a month at 10,000 vehicles about twice as fast.
 * Runs inside the caller's transaction (same connection, under the core's lock).
 *
 * @example
 * const rows = runRawRows(rc.sqlite, selectActivities(rc.db).where('a.id', '=', 4).compile())
 */
function runRawRows(sqlite: SqliteDatabase.Database, query: CompiledQuery): ActivityJoinedRow[] {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let stmt = cache.get(query.sql)
  if (!stmt) {
    // Filters combine into a bounded number of shapes; the cap only guards against surprises.
    if (cache.size > 200) cache.clear()
    stmt = sqlite.prepare(query.sql).raw(true)
    cache.set(query.sql, stmt)
  }
  const arrays = stmt.all(...query.parameters) as unknown[][]
  // The keys are exactly the select list above (checked at load), so the shape is the query's row type.
  return arrays.map((values) => {
    const packed = values[DETAILS_AT] as string | null
    return fromValues(values, packed === null ? NO_DETAILS : (JSON.parse(packed) as unknown[])) as ActivityJoinedRow
  })
}
