/**
 * An independent check of an auto-booking proposal: its own plain code over the database
 * and the proposed items, sharing nothing with the placer (no shop-time helpers, no
 * capacity functions), so a rule the placer gets wrong is not also got wrong here.
 * Answers every violation found, as a sentence; an empty list means none.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../electron/core/db/database'

export interface CheckedItem {
  activityId: number
  start: string
  end: string
  bayId: number | null
  technicianId: number | null
}

interface Span {
  start: number
  end: number
  vehicleId: number | null
  what: string
}

function localParts(ms: number, timeZone: string): { day: string; hhmm: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!)
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hhmm: `${parts.hour}:${parts.minute}`, weekday }
}

/**
 * @example
 * expect(await checkProposal(core.db, proposal.items, { now: core.clock.now() })).toEqual([])
 */
export async function checkProposal(db: Kysely<Database>, items: CheckedItem[], opts: { now: Date }): Promise<string[]> {
  const problems: string[] = []
  const settings = await db.selectFrom('settings').select('time_zone').executeTakeFirstOrThrow()
  const tz = settings.time_zone
  const buffer = (await db.selectFrom('autobook_settings').select('buffer_minutes').executeTakeFirstOrThrow()).buffer_minutes * 60_000
  const hours = await db.selectFrom('shop_hours').selectAll().execute()
  const closures = await db.selectFrom('closures').selectAll().execute()
  const bays = await db.selectFrom('bays').selectAll().execute()
  const techs = await db.selectFrom('technicians').selectAll().execute()
  const cats = await db.selectFrom('technician_categories').selectAll().execute()
  const acts = await db.selectFrom('activities').selectAll().execute()
  const types = await db.selectFrom('activity_types').selectAll().execute()
  const vehicles = await db.selectFrom('vehicles').select(['id', 'status']).execute()
  const blocks = await db.selectFrom('sync_busy_blocks').selectAll().execute()
  const activityById = new Map(acts.map((a) => [a.id, a]))
  const anyActiveBay = bays.some((b) => b.active)
  const anyActiveTech = techs.some((t) => t.active)

  const taken = new Map<string, Span[]>()
  const take = (key: string, s: Span) => (taken.get(key) ?? taken.set(key, []).get(key)!).push(s)
  for (const a of acts) {
    if (!a.start_at || !a.end_at || a.status === 'cancelled') continue
    let end = Date.parse(a.end_at)
    if (a.status === 'completed' && a.completed_at) end = Math.min(end, Date.parse(a.completed_at))
    const s = { start: Date.parse(a.start_at), end, vehicleId: a.vehicle_id, what: `booked activity ${a.id}` }
    if (a.bay_id !== null) take(`bay ${a.bay_id}`, s)
    if (a.technician_id !== null) take(`technician ${a.technician_id}`, s)
  }
  for (const b of blocks)
    take(`technician ${b.technician_id}`, { start: Date.parse(b.start_at), end: Date.parse(b.end_at), vehicleId: null, what: 'busy time' })

  const seen = new Set<number>()
  for (const it of items) {
    const name = `activity ${it.activityId} at ${it.start}`
    const a = activityById.get(it.activityId)
    if (!a) {
      problems.push(`${name}: no such activity`)
      continue
    }
    if (seen.has(a.id)) problems.push(`${name}: proposed twice`)
    seen.add(a.id)
    if (a.status !== 'scheduled' || a.start_at) problems.push(`${name}: not unbooked scheduled work`)
    if (vehicles.find((v) => v.id === a.vehicle_id)?.status !== 'active') problems.push(`${name}: vehicle inactive`)
    const type = types.find((t) => t.id === a.activity_type_id)!
    const start = Date.parse(it.start)
    const end = Date.parse(it.end)
    if (end - start !== type.duration_minutes * 60_000) problems.push(`${name}: lasts ${(end - start) / 60_000} min, the job takes ${type.duration_minutes}`)
    if (start < opts.now.getTime()) problems.push(`${name}: in the past`)
    const s = localParts(start, tz)
    const e = localParts(end - 1, tz)
    const eEnd = localParts(end, tz)
    if (s.day !== e.day) problems.push(`${name}: crosses midnight`)
    const h = hours.find((x) => x.weekday === s.weekday)
    if (!h?.opens || !h.closes) problems.push(`${name}: shop closed that weekday`)
    else {
      if (s.hhmm < h.opens) problems.push(`${name}: starts ${s.hhmm} before opening ${h.opens}`)
      if (eEnd.day === s.day && eEnd.hhmm > h.closes) problems.push(`${name}: ends ${eEnd.hhmm} after closing ${h.closes}`)
      if (eEnd.day !== s.day) problems.push(`${name}: ends after closing`)
    }
    for (const c of closures) {
      if (c.starts_on > s.day || c.ends_on < s.day) continue
      if (c.scope === 'shop') problems.push(`${name}: shop closure ${c.id}`)
      if (c.scope === 'bay' && c.bay_id === it.bayId) problems.push(`${name}: bay closure ${c.id}`)
      if (c.scope === 'technician' && c.technician_id === it.technicianId) problems.push(`${name}: technician away ${c.id}`)
    }
    if (it.bayId === null) {
      if (anyActiveBay) problems.push(`${name}: no bay`)
    } else if (!bays.find((b) => b.id === it.bayId)?.active) problems.push(`${name}: bay ${it.bayId} not active`)
    if (it.technicianId === null) {
      if (anyActiveTech) problems.push(`${name}: no technician`)
    } else {
      if (!techs.find((t) => t.id === it.technicianId)?.active) problems.push(`${name}: technician ${it.technicianId} not active`)
      const mine = cats.filter((c) => c.technician_id === it.technicianId).map((c) => c.category)
      if (mine.length > 0 && !mine.includes(type.category)) problems.push(`${name}: technician ${it.technicianId} does not do ${type.category}`)
    }
    const span = { start, end, vehicleId: a.vehicle_id, what: `proposed activity ${a.id}` }
    for (const key of [it.bayId !== null ? `bay ${it.bayId}` : null, it.technicianId !== null ? `technician ${it.technicianId}` : null]) {
      if (!key) continue
      for (const o of taken.get(key) ?? []) {
        const gap = o.vehicleId === a.vehicle_id ? 0 : buffer
        if (o.start < end + gap && o.end + gap > start) problems.push(`${name}: ${key} overlaps ${o.what}${gap ? ' (with the buffer)' : ''}`)
      }
      take(key, span)
    }
  }
  return problems
}
