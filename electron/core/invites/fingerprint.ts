import type { InviteChange } from '../../../shared/domain/invites'
import type { VisibleEvent } from './event-model'

/**
 * A stable text of what the customer sees. Two revisions with the same fingerprint look
 * the same in the customer's calendar, so they share a SEQUENCE.
 *
 * @example
 * fingerprint(visibleEvent(facts, shop)) // '{"time":{...},"summary":...}'
 */
export function fingerprint(v: VisibleEvent): string {
  // Keys listed explicitly: the order of JSON keys must not depend on how `v` was built.
  return JSON.stringify({
    time: v.time.kind === 'timed' ? [v.time.kind, v.time.start, v.time.end] : [v.time.kind, v.time.date, v.time.endDate],
    summary: v.summary,
    description: v.description,
    location: v.location,
    bay: v.bay,
    cancelled: v.cancelled,
  })
}

interface Parsed {
  time?: unknown
  summary?: unknown
  description?: unknown
  location?: unknown
  bay?: unknown
  cancelled?: unknown
}

/**
 * What changed between two fingerprints, in the words the activity panel uses.
 *
 * @example
 * changesBetween(sentFingerprint, currentFingerprint) // ['time']
 */
export function changesBetween(before: string, after: string): InviteChange[] {
  if (before === after) return []
  const a: Parsed = JSON.parse(before)
  const b: Parsed = JSON.parse(after)
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)
  const changes: InviteChange[] = []
  if (!same(a.time, b.time)) changes.push('time')
  if (!same(a.location, b.location) || !same(a.bay, b.bay)) changes.push('place')
  if (!same(a.cancelled, b.cancelled)) changes.push('cancellation')
  // The description repeats the time and the bay; it only counts alone when nothing else moved.
  if (!same(a.summary, b.summary) || (changes.length === 0 && !same(a.description, b.description))) {
    changes.push('details')
  }
  return changes
}
