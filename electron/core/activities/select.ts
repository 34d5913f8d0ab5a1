import type { CompiledQuery, Kysely } from 'kysely'
import type SqliteDatabase from 'better-sqlite3'
import type { Database } from '../db/database'

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
  'a.started_at',
  'a.completed_at',
  'a.completed_by',
  'a.completion_odometer',
  'a.completion_notes',
  'a.cancel_reason',
  'a.notes',
  'a.contacted_at',
  'a.version',
  'v.year',
  'v.make',
  'v.model',
  'v.license_plate',
  'v.customer_id',
  'c.name as customer_name',
] as const

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

export type ActivityJoinedRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>

/** Each column's name in a result row, in select order: `c.name as customer_name` is `customer_name`. */
const KEYS: readonly string[] = COLUMNS.map((c) => (c.includes(' as ') ? c.split(' as ')[1]! : c.split('.')[1]!))

// A fixed-shape literal is what makes building rows cheap; it must follow COLUMNS exactly,
// which the check below enforces as soon as the module loads.
const fromValues = (v: unknown[]) => ({
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
  started_at: v[13],
  completed_at: v[14],
  completed_by: v[15],
  completion_odometer: v[16],
  completion_notes: v[17],
  cancel_reason: v[18],
  notes: v[19],
  contacted_at: v[20],
  version: v[21],
  year: v[22],
  make: v[23],
  model: v[24],
  license_plate: v[25],
  customer_id: v[26],
  customer_name: v[27],
})
if (Object.keys(fromValues([])).join() !== KEYS.join()) {
  throw new Error('selectActivities: fromValues does not follow the COLUMNS order')
}

const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>()

/**
 * Runs a compiled `selectActivities` query on the raw connection in array mode and builds
 * the rows in JavaScript. better-sqlite3 builds a 30-key object per row slowly; arrays
 * plus a fixed-shape object here read a month at 10,000 vehicles about twice as fast.
 * Runs inside the caller's transaction (same connection, under the core's lock).
 *
 * @example
 * const rows = runRows(rc.sqlite, selectActivities(rc.db).where('a.id', '=', 4).compile())
 */
export function runRows(sqlite: SqliteDatabase.Database, query: CompiledQuery): ActivityJoinedRow[] {
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
  return arrays.map((values) => fromValues(values) as ActivityJoinedRow)
}
