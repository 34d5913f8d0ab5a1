/**
 * `autobook.accept` and `autobook.undo`. Accept books the chosen proposals in the call's one
 * transaction, each re-checked as if booked by hand (`placeBooking`), plus the rules only
 * auto-booking has (the technician's categories, the buffer, the job's duration): what no
 * longer fits is skipped with the reason, never double booked. Undo unbooks exactly what one
 * accept booked, where nobody touched it since.
 */
import { randomUUID } from 'node:crypto'
import type { Ctx } from '../handler'
import type { AcceptResult, UndoResult, AutobookRun } from '../../../shared/domain/autobook'
import { AppError } from '../errors'
import { placeBooking } from '../activities/capacity'
import { bookingColumns } from '../activities/booking'
import { applyEdit } from '../activities/edit'
import { readContext } from '../activities/read-context'
import { getAutobookSettings, technicianCategories } from './settings'
import { shopTime } from '../../../shared/shop-day'

interface Item {
  activityId: number
  version: number
  start: string
  end: string
  bayId: number | null
  technicianId: number | null
}

/** What a run stored per booking: enough to tell whether it is still as accepted, and to put it back. */
interface RunItem {
  activityId: number
  /** Its version right after the booking. */
  version: number
  start: string
  end: string
  bayId: number | null
  technicianId: number | null
  pinnedBefore: 0 | 1
}

const MINUTE = 60_000

interface Rules {
  timeZone: string
  buffer: number
  categories: Map<number, Set<string>>
  hasTechs: boolean
}

/** Books `item` as proposed and answers what was booked, or answers why it can no longer be; a clash is a reason, not a throw. */
async function tryBook(ctx: Ctx, item: Item, { timeZone, buffer, categories, hasTechs }: Rules): Promise<RunItem | string> {
  const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', item.activityId).executeTakeFirst()
  if (!row) return 'It no longer exists (the plan changed).'
  if (row.version !== item.version) return 'It changed since the proposal was made.'
  if (row.status !== 'scheduled') return `It is ${row.status.replace('_', ' ')} now.`
  if (row.start_at) return 'It was booked meanwhile.'
  const vehicle = await ctx.db.selectFrom('vehicles').select('status').where('id', '=', row.vehicle_id).executeTakeFirstOrThrow()
  if (vehicle.status !== 'active') return 'Its vehicle is inactive now.'
  const type = await ctx.db.selectFrom('activity_types').selectAll().where('id', '=', row.activity_type_id).executeTakeFirstOrThrow()
  const start = Date.parse(item.start)
  const end = Date.parse(item.end)
  if (end - start !== type.duration_minutes * MINUTE) return `It takes ${type.duration_minutes} minutes, not the proposed ${(end - start) / MINUTE}.`
  if (item.technicianId === null && hasTechs) return 'It needs a technician.'
  if (item.technicianId !== null) {
    const mine = categories.get(item.technicianId)
    if (mine && !mine.has(type.category)) return `The technician does not do ${type.category} work.`
  }
  if (buffer > 0) {
    const lo = new Date(start - buffer).toISOString()
    const hi = new Date(end + buffer).toISOString()
    const near = await ctx.db
      .selectFrom('activities')
      .select(['start_at', 'end_at'])
      .where('status', '!=', 'cancelled')
      .where('vehicle_id', '!=', row.vehicle_id)
      .where('start_at', '<', hi)
      .where('end_at', '>', lo)
      .where((eb) => {
        const or = []
        if (item.bayId !== null) or.push(eb('bay_id', '=', item.bayId))
        if (item.technicianId !== null) or.push(eb('technician_id', '=', item.technicianId))
        return or.length > 0 ? eb.or(or) : eb.val(false)
      })
      .executeTakeFirst()
    if (near) {
      return `Another booking (${shopTime(near.start_at!, timeZone)}–${shopTime(near.end_at!, timeZone)}) is within the ${buffer / MINUTE}-minute buffer.`
    }
  }
  try {
    const booking = await placeBooking(
      ctx.db,
      timeZone,
      { start: new Date(start), end: new Date(end), bay: item.bayId, technician: item.technicianId },
      { now: ctx.clock.now(), excludeId: row.id },
    )
    const columns = bookingColumns(booking)
    await applyEdit(ctx, row, { ...columns, contacted_at: null, pinned: 1 }, { action: 'booked', message: 'Auto-booked (Fill the week)' })
    return { activityId: row.id, version: row.version + 1, ...pick(columns), pinnedBefore: row.pinned ? 1 : 0 }
  } catch (error) {
    // A bay or technician removed meanwhile is a change like any other: skipped, not a failed accept.
    if (error instanceof AppError && ['conflict', 'refused', 'invalid_input', 'not_found'].includes(error.code)) return error.message
    throw error
  }
}

const pick = (c: ReturnType<typeof bookingColumns>) => ({ start: c.start_at, end: c.end_at, bayId: c.bay_id, technicianId: c.technician_id })

/**
 * @example
 * const { booked, skipped, undoToken } = await accept(ctx, proposal.items)
 */
export async function accept(ctx: Ctx, items: Item[]): Promise<AcceptResult> {
  for (const item of items) {
    if (Date.parse(item.end) <= Date.parse(item.start))
      throw new AppError('invalid_input', `Activity ${item.activityId}: the booking must end after it starts.`)
  }
  const { timeZone } = await readContext(ctx)
  const { bufferMinutes } = await getAutobookSettings(ctx.db)
  const categories = await technicianCategories(ctx.db)
  const hasTechs = (await ctx.db.selectFrom('technicians').select('id').where('active', '=', 1).executeTakeFirst()) !== undefined
  const rules: Rules = { timeZone, buffer: bufferMinutes * MINUTE, categories, hasTechs }
  const skipped: AcceptResult['skipped'] = []
  const run: RunItem[] = []
  for (const item of items) {
    const outcome = await tryBook(ctx, item, rules)
    if (typeof outcome === 'string') skipped.push({ activityId: item.activityId, reason: outcome })
    else run.push(outcome)
  }
  if (run.length === 0) return { booked: [], skipped, undoToken: null }
  const token = randomUUID()
  await ctx.db
    .insertInto('autobook_runs')
    .values({ token, at: ctx.clock.now().toISOString(), actor: ctx.actor, items: JSON.stringify(run) })
    .execute()
  return { booked: run.map((r) => r.activityId), skipped, undoToken: token }
}

/**
 * @example
 * const { removed, kept } = await undo(ctx, token)
 */
export async function undo(ctx: Ctx, token: string): Promise<UndoResult> {
  const run = await ctx.db.selectFrom('autobook_runs').selectAll().where('token', '=', token).executeTakeFirst()
  if (!run) throw new AppError('not_found', 'There is no such auto-booking to undo.')
  if (run.undone_at) throw new AppError('refused', `This auto-booking was already undone (${run.undone_at}).`)
  // Written only by `accept` above, so the shape is known.
  const items = JSON.parse(run.items) as RunItem[]
  const removed: number[] = []
  const kept: UndoResult['kept'] = []
  for (const item of items) {
    const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', item.activityId).executeTakeFirst()
    if (!row) {
      kept.push({ activityId: item.activityId, reason: 'It no longer exists.' })
      continue
    }
    const untouched = row.version === item.version && row.start_at === item.start && row.status === 'scheduled'
    if (!untouched) {
      kept.push({ activityId: row.id, reason: 'It changed after it was auto-booked; left as it is.' })
      continue
    }
    await applyEdit(
      ctx,
      row,
      { start_at: null, end_at: null, bay_id: null, technician_id: null, pinned: item.pinnedBefore },
      { action: 'unbooked', message: 'Auto-booking undone' },
    )
    removed.push(row.id)
  }
  await ctx.db.updateTable('autobook_runs').set({ undone_at: ctx.clock.now().toISOString() }).where('id', '=', run.id).execute()
  ctx.changed('activities')
  return { removed, kept }
}

/** The newest run not yet undone, for the "Undo" action after a reload. */
export async function lastRun(ctx: Ctx): Promise<AutobookRun | null> {
  const run = await ctx.db.selectFrom('autobook_runs').selectAll().where('undone_at', 'is', null).orderBy('id', 'desc').executeTakeFirst()
  if (!run) return null
  return { token: run.token, at: run.at, actor: run.actor, count: (JSON.parse(run.items) as RunItem[]).length }
}
