/**
 * "Next free slots": start times where work of a given length fits, with a bay and a
 * technician free for all of it (the chosen ones, or any active one). One query each for
 * hours, closures, resources and bookings in the window; the rest is in memory.
 */
import type { FreeSlot } from '../../../shared/domain/activities'
import type { ReadContext } from './read-context'
import { findBay } from '../bays/queries'
import { findTechnician } from '../technicians/queries'
import { addDays, weekday } from '../../../shared/dates'
import { shopInstant, startOfShopDay } from '../../../shared/shop-day'

/** Offered start times step by this much from opening time. */
export const SLOT_STEP_MINUTES = 30

interface Interval {
  start: number
  end: number
}

export interface FreeSlotQuery {
  durationMinutes: number
  from: string
  days: number
  bayId?: number
  technicianId?: number
  limit: number
}

/**
 * @example
 * await freeSlots(rc, { durationMinutes: 60, from: '2025-03-10', days: 14, limit: 5, bayId: 2 })
 */
export async function freeSlots(rc: ReadContext, q: FreeSlotQuery): Promise<FreeSlot[]> {
  const { db, timeZone } = rc
  const lastDay = addDays(q.from, q.days - 1)
  const windowStart = startOfShopDay(q.from, timeZone).toISOString()
  const windowEnd = startOfShopDay(addDays(lastDay, 1), timeZone).toISOString()

  // Asking for a bay or technician that does not exist is a mistake to report, not an empty answer.
  if (q.bayId) await findBay(db, q.bayId)
  if (q.technicianId) await findTechnician(db, q.technicianId)
  const hours = new Map((await db.selectFrom('shop_hours').selectAll().execute()).map((h) => [h.weekday, h]))
  const closures = await db.selectFrom('closures').selectAll().where('starts_on', '<=', lastDay).where('ends_on', '>=', q.from).execute()
  const bays: Array<number | null> = q.bayId
    ? [q.bayId]
    : (await db.selectFrom('bays').select('id').where('active', '=', 1).orderBy('sort_order').orderBy('name').execute()).map((b) => b.id)
  const techs: Array<number | null> = q.technicianId
    ? [q.technicianId]
    : (await db.selectFrom('technicians').select('id').where('active', '=', 1).orderBy('name').execute()).map((t) => t.id)
  // A shop without bays or technicians still books by its hours alone.
  if (bays.length === 0) bays.push(null)
  if (techs.length === 0) techs.push(null)

  const bookings = await db
    .selectFrom('activities')
    .select(['start_at', 'end_at', 'bay_id', 'technician_id', 'status', 'completed_at'])
    .where('status', '!=', 'cancelled')
    .where('start_at', '<', windowEnd)
    .where('end_at', '>', windowStart)
    .execute()
  const bookingsBy = new Map<string, Interval[]>()
  for (const b of bookings) {
    // Completed work holds its slot only until it was completed (as in capacity.ts).
    const end = b.status === 'completed' && b.completed_at ? Math.min(Date.parse(b.end_at!), Date.parse(b.completed_at)) : Date.parse(b.end_at!)
    const iv = { start: Date.parse(b.start_at!), end }
    for (const key of [b.bay_id !== null ? `b${b.bay_id}` : null, b.technician_id !== null ? `t${b.technician_id}` : null]) {
      if (!key) continue
      const list = bookingsBy.get(key)
      if (list) list.push(iv)
      else bookingsBy.set(key, [iv])
    }
  }
  // A technician's own calendar events (synced, titles never stored) are busy time too.
  const blocks = await db
    .selectFrom('sync_busy_blocks')
    .select(['start_at', 'end_at', 'technician_id'])
    .where('start_at', '<', windowEnd)
    .where('end_at', '>', windowStart)
    .execute()
  for (const b of blocks) {
    const key = `t${b.technician_id}`
    const iv = { start: Date.parse(b.start_at), end: Date.parse(b.end_at) }
    const list = bookingsBy.get(key)
    if (list) list.push(iv)
    else bookingsBy.set(key, [iv])
  }
  const busy = (key: string) => bookingsBy.get(key) ?? []
  const closedOn = (day: string, scope: 'shop' | 'bay' | 'technician', id: number | null) =>
    closures.some(
      (c) => c.starts_on <= day && c.ends_on >= day && c.scope === scope && (scope === 'shop' || (scope === 'bay' ? c.bay_id === id : c.technician_id === id)),
    )
  const free = (key: string, iv: Interval) => !busy(key).some((b) => b.start < iv.end && b.end > iv.start)

  const duration = q.durationMinutes * 60_000
  const step = SLOT_STEP_MINUTES * 60_000
  const notBefore = rc.now.getTime()
  const slots: FreeSlot[] = []
  for (let day = q.from; day <= lastDay && slots.length < q.limit; day = addDays(day, 1)) {
    const h = hours.get(weekday(day))
    if (!h?.opens || !h.closes || closedOn(day, 'shop', null)) continue
    const open = shopInstant(day, h.opens, timeZone).getTime()
    const close = shopInstant(day, h.closes, timeZone).getTime()
    const dayBays = bays.filter((b) => b === null || !closedOn(day, 'bay', b))
    const dayTechs = techs.filter((t) => t === null || !closedOn(day, 'technician', t))
    for (let start = open; start + duration <= close && slots.length < q.limit; start += step) {
      if (start < notBefore) continue
      const iv = { start, end: start + duration }
      const bay = dayBays.find((b) => b === null || free(`b${b}`, iv))
      const tech = dayTechs.find((t) => t === null || free(`t${t}`, iv))
      if (bay === undefined || tech === undefined) continue
      slots.push({ start: new Date(start).toISOString(), end: new Date(iv.end).toISOString(), bayId: bay, technicianId: tech })
    }
  }
  return slots
}
