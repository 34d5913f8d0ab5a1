/**
 * Staff notices: a booking 1 day and 1 hour before, work that just became missed, a booking
 * moved or unbooked from a connected calendar. Each is
 * a row keyed by (activity, kind, state): inserting it is what "fires" it, so a notice
 * fires once per state change and never again, after a restart too.
 */
import type { Kysely } from 'kysely'
import type { StaffNotice } from '../../../shared/domain/email'
import type { Database, StaffNoticeKind } from '../db/database'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { getSettingsRow } from '../settings/queries'
import { getNoticeSettings } from './settings'
import { CALENDAR_ACTORS } from '../sync/external-changes'
import { shopDay } from '../../../shared/shop-day'
import { vehicleLabel } from '../../../shared/domain/vehicles'

const HOUR = 3_600_000

interface Candidate {
  id: number
  start_at: string | null
  typeName: string
  make: string
  model: string
  plate: string | null
  customer: string
  bay: string | null
  stateKey: string
  kind: StaffNoticeKind
  /** For a calendar's change: who made it ("Google Calendar") and the start before and after. */
  external?: { actor: string; from: string | null; to: string | null }
}

/**
 * Fires the notices that are due now, in the caller's transaction, and answers them.
 *
 * @example
 * const fired = await fireDueNotices(trx, clock.now())
 */
export async function fireDueNotices(db: Kysely<Database>, now: Date): Promise<StaffNotice[]> {
  const wanted = await getNoticeSettings(db)
  const { time_zone: timeZone } = await getSettingsRow(db)
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
  const base = () =>
    db
      .selectFrom('activities as a')
      .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
      .leftJoin('bays as b', 'b.id', 'a.bay_id')
      .select(['a.id', 'a.start_at', 't.name as typeName', 'v.make', 'v.model', 'v.license_plate as plate', 'c.name as customer', 'b.name as bay'])

  const candidates: Candidate[] = []
  const booked = async (kind: StaffNoticeKind, from: number, to: number) => {
    const rows = await base().where('a.status', '=', 'scheduled').where('a.start_at', '>', at(from)).where('a.start_at', '<=', at(to)).execute()
    candidates.push(...rows.map((r) => ({ ...r, stateKey: r.start_at ?? '', kind })))
  }
  // The hour notice replaces the day notice for a booking made less than an hour ahead.
  if (wanted.dayBefore) await booked('day_before', HOUR, 24 * HOUR)
  if (wanted.hourBefore) await booked('hour_before', 0, HOUR)
  if (wanted.missed) {
    // "Just became missed": marked within the last day, so an old database does not flood the desk.
    const rows = await base()
      .innerJoin('activity_log as l', 'l.activity_id', 'a.id')
      .select('l.id as logId')
      .where('a.status', '=', 'missed')
      .where('l.action', '=', 'missed')
      .where('l.at', '>', at(-24 * HOUR))
      .execute()
    candidates.push(...rows.map((r) => ({ ...r, stateKey: `missed:${r.logId}`, kind: 'missed' as const })))
  }
  {
    // Moved or unbooked from a connected calendar (sync applies it, the desk should hear of it):
    // one notice per change, the change's log entry its state.
    const rows = await base()
      .innerJoin('activity_log as l', 'l.activity_id', 'a.id')
      .select(['l.id as logId', 'l.action', 'l.actor', 'l.changes'])
      .where('l.actor', 'in', CALENDAR_ACTORS)
      .where('l.action', 'in', ['moved', 'unbooked'])
      .where('l.at', '>', at(-24 * HOUR))
      .execute()
    for (const r of rows) {
      const start = startChange(r.changes)
      candidates.push({
        ...r,
        stateKey: `log:${r.logId}`,
        kind: r.action === 'moved' ? 'calendar_moved' : 'calendar_unbooked',
        external: { actor: r.actor, from: start[0], to: start[1] },
      })
    }
  }
  if (candidates.length === 0) return []
  const fired: StaffNotice[] = []
  for (const c of candidates) {
    const words = noticeWords(c, timeZone, now)
    const row = await db
      .insertInto('staff_notices')
      .values({ activity_id: c.id, kind: c.kind, state_key: c.stateKey, title: words.title, body: words.body, fired_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (row) fired.push({ id: row.id, activityId: row.activity_id, kind: row.kind, title: row.title, body: row.body, firedAt: row.fired_at })
  }
  return fired
}

/** The log entry's `start: [before, after]`, when it has one. */
function startChange(changes: string | null): [string | null, string | null] {
  try {
    const start = (JSON.parse(changes ?? '{}') as { start?: unknown }).start
    if (Array.isArray(start) && start.length === 2) return start.map((v) => (typeof v === 'string' ? v : null)) as [string | null, string | null]
  } catch {
    // An unreadable entry still gets its notice, without the times.
  }
  return [null, null]
}

function noticeWords(c: Candidate, timeZone: string, now: Date): { title: string; body: string } {
  const vehicle = vehicleLabel(c)
  const wall = (iso: string | null) => (iso ? format(new TZDate(Date.parse(iso), timeZone), 'EEE h:mm a') : null)
  if (c.external) {
    const { actor, from, to } = c.external
    if (c.kind === 'calendar_moved') {
      const when = [wall(to) && `Now ${wall(to)}`, wall(from) && `was ${wall(from)}`].filter(Boolean).join(', ')
      return { title: `Moved in ${actor}: ${c.typeName}`, body: [when, vehicle, c.customer, c.bay].filter((p): p is string => !!p).join(' · ') }
    }
    const was = wall(from) ? `Was ${wall(from)}, now unbooked` : 'Now unbooked'
    return { title: `Deleted in ${actor}: ${c.typeName}`, body: [was, vehicle, c.customer].join(' · ') }
  }
  const start = c.start_at ? new TZDate(Date.parse(c.start_at), timeZone) : null
  const time = start ? format(start, 'EEE h:mm a') : null
  const sameDay = c.start_at !== null && shopDay(c.start_at, timeZone) === shopDay(now, timeZone)
  const lead = c.kind === 'missed' ? 'Missed' : c.kind === 'hour_before' ? 'Within the hour' : sameDay ? 'Later today' : 'Tomorrow'
  return { title: `${lead}: ${c.typeName}`, body: [time, vehicle, c.customer, c.bay].filter((p): p is string => !!p).join(' · ') }
}
