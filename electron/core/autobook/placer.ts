/**
 * The placement: due work, earliest due (overdue) first, into the earliest time of the range
 * (and no more than the grouping days before it is due) where a bay and a technician who does that category are free for all of it, with the
 * shop's buffer between jobs of different vehicles. One vehicle's work due within a few days
 * goes in as one visit: back to back in one bay. Pure: it reads a snapshot and answers what
 * it would book; `verify.ts` then checks every placement with `placeBooking` itself.
 */
import type { Category } from '../../../shared/domain/activity-types'
import type { Interval, OpenDay, Snapshot, SnapshotTechnician, WorkItem } from './snapshot'
import { addDays } from '../../../shared/dates'

/** Proposed starts step by this much from opening time (a booking a person could have made). */
export const STEP_MINUTES = 15

export interface Placement {
  work: WorkItem
  start: number
  end: number
  bayId: number | null
  technicianId: number | null
  visit: number
}

export interface Unplaced {
  work: WorkItem
  reason: string
}

export interface PlacerResult {
  placed: Placement[]
  unplaced: Unplaced[]
}

const MINUTE = 60_000

const hoursText = (minutes: number): string => {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** Whether `[s, e)` keeps clear of every interval, by `buffer` unless it is the same vehicle's. Answers the first blocker's end, or -1. */
function blockedUntil(list: Interval[] | undefined, s: number, e: number, buffer: number, vehicleId: number): number {
  if (!list) return -1
  for (const iv of list) {
    const pad = iv.vehicleId === vehicleId ? 0 : buffer
    if (iv.start - pad < e && iv.end + pad > s) return iv.end + pad
  }
  return -1
}

const insertSorted = (busy: Map<string, Interval[]>, key: string, iv: Interval): void => {
  const list = busy.get(key)
  if (!list) {
    busy.set(key, [iv])
    return
  }
  let i = list.length
  while (i > 0 && list[i - 1]!.start > iv.start) i--
  list.splice(i, 0, iv)
}

const does = (t: SnapshotTechnician, category: Category): boolean => t.categories === null || t.categories.has(category)

/** Groups each vehicle's work due within `groupDays` of its first: one visit each, in due order. */
export function visits(work: WorkItem[], groupDays: number): WorkItem[][] {
  const sorted = [...work].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.vehicleId - b.vehicleId || a.activityId - b.activityId))
  const byVehicle = new Map<number, WorkItem[]>()
  for (const w of sorted) {
    const list = byVehicle.get(w.vehicleId)
    if (list) list.push(w)
    else byVehicle.set(w.vehicleId, [w])
  }
  const taken = new Set<number>()
  const out: WorkItem[][] = []
  for (const w of sorted) {
    if (taken.has(w.activityId)) continue
    const last = addDays(w.dueDate, groupDays)
    const visit = byVehicle.get(w.vehicleId)!.filter((o) => !taken.has(o.activityId) && o.dueDate <= last)
    for (const o of visit) taken.add(o.activityId)
    out.push(visit)
  }
  return out
}

interface Found {
  start: number
  bayId: number | null
  techs: Array<number | null>
}

/**
 * @example
 * const { placed, unplaced } = await placeWork(snapshot, { pause: () => new Promise((r) => setImmediate(r)) })
 */
export async function placeWork(snap: Snapshot, opts: { pause?: () => Promise<void>; sliceMs?: number } = {}): Promise<PlacerResult> {
  const busy = new Map([...snap.busy].map(([k, v]) => [k, [...v]]))
  const buffer = snap.bufferMinutes * MINUTE
  const step = STEP_MINUTES * MINUTE
  const placed: Placement[] = []
  const unplaced: Unplaced[] = []
  const longestDay = Math.max(0, ...snap.days.map((d) => d.close - d.open)) / MINUTE
  // (day, bay, categories) -> the shortest visit that did not fit: anything as long fails too.
  const failed = new Map<string, number>()
  let visitNo = 0
  let sliceStart = performance.now()
  const sliceMs = opts.sliceMs ?? 15

  /** The earliest start on `day` in bay `bayId` (null: the shop has no bays) where the visit fits, with its technicians. */
  const fitIn = (day: OpenDay, bayId: number | null, jobs: WorkItem[], total: number): Found | null => {
    const vehicleId = jobs[0]!.vehicleId
    let t = day.open
    if (t < snap.now) t = day.open + Math.ceil((snap.now - day.open) / step) * step
    const techsToday = snap.technicians.filter((x) => !x.closed.has(day.day))
    while (t + total <= day.close) {
      const bayBlock = bayId === null ? -1 : blockedUntil(busy.get(`b${bayId}`), t, t + total, buffer, vehicleId)
      if (bayBlock >= 0) {
        t = day.open + Math.ceil((bayBlock - day.open) / step) * step
        continue
      }
      const techs: Array<number | null> = []
      let s = t
      let ok = true
      for (const job of jobs) {
        const e = s + job.minutes * MINUTE
        if (snap.technicians.length === 0) techs.push(null)
        else {
          const previous = techs.at(-1)
          const capable = techsToday.filter((x) => does(x, job.category))
          // The same technician through a visit where they can; otherwise the first free one.
          const ordered = previous != null ? [...capable.filter((x) => x.id === previous), ...capable.filter((x) => x.id !== previous)] : capable
          const tech = ordered.find((x) => blockedUntil(busy.get(`t${x.id}`), s, e, buffer, vehicleId) < 0)
          if (!tech) {
            ok = false
            break
          }
          techs.push(tech.id)
        }
        s = e
      }
      if (ok) return { start: t, bayId, techs }
      t += step
    }
    return null
  }

  const place = (jobs: WorkItem[]): boolean => {
    const total = jobs.reduce((n, j) => n + j.minutes, 0) * MINUTE
    const cats = [...new Set(jobs.map((j) => j.category))].sort().join(',')
    const bays: Array<number | null> = snap.bays.length > 0 ? snap.bays.map((b) => b.id) : [null]
    // Not long before it is due: at most the grouping days early (a vehicle arriving Saturday is not booked for Tuesday).
    const notBefore = addDays(jobs[0]!.dueDate, -snap.groupDays)
    for (const day of snap.days) {
      if (day.day < notBefore || day.close - day.open < total) continue
      let best: Found | null = null
      for (const bayId of bays) {
        if (bayId !== null && snap.bays.find((b) => b.id === bayId)!.closed.has(day.day)) continue
        const key = `${day.day}|${bayId}|${cats}`
        const failedAt = failed.get(key)
        if (failedAt !== undefined && failedAt <= total) continue
        const found = fitIn(day, bayId, jobs, total)
        if (!found) failed.set(key, Math.min(failedAt ?? Infinity, total))
        else if (!best || found.start < best.start) best = found
      }
      if (best) {
        visitNo++
        let s = best.start
        jobs.forEach((job, i) => {
          const e = s + job.minutes * MINUTE
          const techId = best.techs[i] ?? null
          const iv = { start: s, end: e, vehicleId: job.vehicleId }
          if (best.bayId !== null) insertSorted(busy, `b${best.bayId}`, iv)
          if (techId !== null) insertSorted(busy, `t${techId}`, iv)
          placed.push({ work: job, start: s, end: e, bayId: best.bayId, technicianId: techId, visit: visitNo })
          s = e
        })
        // What this day had free has shrunk: shorter work may no longer fit where it failed before, never the other way round.
        return true
      }
    }
    return false
  }

  const whyNot = (job: WorkItem): string => {
    if (snap.days.length === 0) return `The shop is not open on any day from ${snap.from} to ${snap.to} (that has not passed).`
    if (!snap.days.some((d) => d.day >= addDays(job.dueDate, -snap.groupDays)))
      return `It is due ${job.dueDate}, after the range (booked at most ${snap.groupDays} days early).`
    if (job.minutes > longestDay) return `It takes ${hoursText(job.minutes)}, longer than any open day in the range.`
    if (snap.technicians.length > 0 && !snap.technicians.some((t) => does(t, job.category))) {
      return `No active technician does ${job.category} work (Settings: technicians' categories).`
    }
    return `No bay and technician are free together for ${hoursText(job.minutes)} from ${snap.from} to ${snap.to}.`
  }

  for (const visit of visits(snap.work, snap.groupDays)) {
    if (!place(visit)) {
      // The visit does not fit whole: each piece on its own, wherever it fits.
      if (visit.length === 1) unplaced.push({ work: visit[0]!, reason: whyNot(visit[0]!) })
      else for (const job of visit) if (!place([job])) unplaced.push({ work: job, reason: whyNot(job) })
    }
    if (opts.pause && performance.now() - sliceStart > sliceMs) {
      await opts.pause()
      sliceStart = performance.now()
    }
  }
  return { placed, unplaced }
}
