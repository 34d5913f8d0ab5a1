/**
 * `autobook.capacity`: whether the days ahead fit. Read from the same snapshot the proposal
 * is placed on (hours, closures, bookings, busy time, due work), so the two never disagree.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { CapacityDay, CapacityReport, CapacityResourceDay } from '../../../shared/domain/autobook'
import { readSnapshot, type Interval, type Snapshot, type SnapshotResource } from './snapshot'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

const MINUTE = 60_000

/**
 * @example
 * const report = await capacityReport(db, { from: '2026-03-09', to: '2026-03-15', now, timeZone })
 */
export async function capacityReport(db: Kysely<Database>, q: { from: string; to: string; now: Date; timeZone: string }): Promise<CapacityReport> {
  const snap = await readSnapshot(db, q)
  const openDays = new Map(snap.days.map((d) => [d.day, d]))
  const days: CapacityDay[] = []
  for (let day = q.from; day <= q.to; day = addDays(day, 1)) {
    const open = openDays.get(day)
    const dueUnbookedMinutes = snap.work.filter((w) => w.dueDate === day).reduce((n, w) => n + w.minutes, 0)
    if (!open) {
      days.push({ day, open: false, past: day < snap.today, bays: [], technicians: [], freeMinutes: 0, dueUnbookedMinutes })
      continue
    }
    const midnight = startOfShopDay(day, q.timeZone).getTime()
    const nextMidnight = startOfShopDay(addDays(day, 1), q.timeZone).getTime()
    const of = (kind: 'b' | 't', r: SnapshotResource): CapacityResourceDay => {
      const openMinutes = r.closed.has(day) ? 0 : (open.close - open.open) / MINUTE
      const bookedMinutes = booked(snap.busy.get(`${kind}${r.id}`), midnight, nextMidnight)
      const state =
        openMinutes === 0 ? (bookedMinutes > 0 ? 'overbooked' : 'closed') : bookedMinutes > openMinutes ? 'overbooked' : bookedMinutes === 0 ? 'idle' : 'ok'
      return { id: r.id, name: r.name, openMinutes, bookedMinutes, freeMinutes: Math.max(0, openMinutes - bookedMinutes), state }
    }
    const bays = snap.bays.map((b) => of('b', b))
    days.push({
      day,
      open: true,
      past: false,
      bays,
      technicians: snap.technicians.map((t) => of('t', t)),
      freeMinutes: bays.reduce((n, b) => n + b.freeMinutes, 0),
      dueUnbookedMinutes,
    })
  }
  const sum = (f: (r: CapacityResourceDay) => number) => days.reduce((n, d) => n + d.bays.reduce((m, b) => m + f(b), 0), 0)
  return {
    from: q.from,
    to: q.to,
    days,
    overdueUnbookedMinutes: overdue(snap),
    totals: {
      openMinutes: sum((b) => b.openMinutes),
      bookedMinutes: sum((b) => b.bookedMinutes),
      freeMinutes: sum((b) => b.freeMinutes),
      dueUnbookedMinutes: days.reduce((n, d) => n + d.dueUnbookedMinutes, 0),
    },
  }
}

/** Minutes taken on the shop day `[dayStart, dayEnd)`: work booked outside the hours counts too (and can overbook). */
function booked(list: Interval[] | undefined, dayStart: number, dayEnd: number): number {
  if (!list) return 0
  return list
    .filter((iv) => iv.start < dayEnd && iv.end > dayStart)
    .reduce((n, iv) => n + (Math.min(iv.end, dayEnd) - Math.max(iv.start, dayStart)) / MINUTE, 0)
}

const overdue = (snap: Snapshot): number => snap.work.filter((w) => w.dueDate < snap.today).reduce((n, w) => n + w.minutes, 0)
