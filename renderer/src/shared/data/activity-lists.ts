/**
 * Cached activity lists kept as the core lists them, patched one activity at a time: after a
 * drop (the core's answer) and when the core says which activities another call changed, so a
 * month of 2,000 bookings is not read again for one of them.
 */
import { replaceEqualDeep } from '@tanstack/react-query'
import type { Activity } from '../../../../shared/domain/activities'
import { shopDay } from '../../../../shared/shop-day'

/** The day the core files an activity under: its booked day in the shop, else its due date. */
const listDay = (a: Activity, timeZone: string): string => (a.start ? shopDay(a.start, timeZone) : a.dueDate)
/** The core's order for activity lists: by day, then booked time, then id (electron/core/activities/read.ts). */
const before = (a: Activity, aDay: string, b: Activity, bDay: string): boolean =>
  aDay !== bDay ? aDay < bDay : (a.start ?? '') !== (b.start ?? '') ? (a.start ?? '') < (b.start ?? '') : a.id < b.id

/**
 * A range's cached list with one activity as the core answered it: taken out of its old place
 * and put where the core lists it (left out when it moved out of the range), so that the refetch
 * that follows finds the same list and nothing is drawn again. Other activities keep their objects.
 *
 * @example
 * queryClient.setQueryData(key, withSaved(list, saved, { from: '2026-03-01', to: '2026-04-04' }, 'America/New_York'))
 */
export function withSaved(list: readonly Activity[], saved: Activity, range: { from: string; to: string }, timeZone: string): Activity[] {
  const rest = list.filter((a) => a.id !== saved.id)
  const day = listDay(saved, timeZone)
  if (day < range.from || day > range.to) return rest
  let lo = 0
  let hi = rest.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const m = rest[mid]!
    if (before(m, listDay(m, timeZone), saved, day)) lo = mid + 1
    else hi = mid
  }
  rest.splice(lo, 0, saved)
  return rest
}

/**
 * react-query's structural sharing for activity lists, matched by id rather than by position:
 * an activity that moved to another place in the list keeps its object (so its event is not
 * converted again), and a list with the same activities in the same order stays the same list.
 */
export function shareActivities(old: unknown, next: unknown): unknown {
  if (!Array.isArray(old) || !Array.isArray(next)) return replaceEqualDeep(old, next)
  const byId = new Map((old as Activity[]).map((a) => [a.id, a]))
  let same = old.length === next.length
  const shared = (next as Activity[]).map((a, i) => {
    const o = byId.get(a.id)
    const kept = o ? replaceEqualDeep(o, a) : a
    if (kept !== old[i]) same = false
    return kept
  })
  return same ? old : shared
}
