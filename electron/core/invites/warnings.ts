import type { InviteEvent } from './event-model'
import type { ShopFacts } from './facts'

/**
 * What a schedule export lacks and why, so the screen can say so.
 *
 * @example
 * exportWarnings(events, shop) // ['2 events have no attendee: their customers have no email address.']
 */
export function exportWarnings(events: readonly InviteEvent[], shop: ShopFacts): string[] {
  return warningsFor({ total: events.length, withoutAttendee: events.filter((e) => !e.attendee).length }, shop)
}

export function warningsFor(counts: { total: number; withoutAttendee: number }, shop: ShopFacts): string[] {
  const warnings: string[] = []
  if (counts.total === 0) warnings.push('Nothing to export: the file holds no events.')
  if (counts.withoutAttendee === 1) warnings.push('1 event has no attendee: its customer has no email address.')
  if (counts.withoutAttendee > 1) {
    warnings.push(`${counts.withoutAttendee} events have no attendee: their customers have no email address.`)
  }
  if (counts.total > 0 && !shop.email) {
    warnings.push('The shop has no email address in Settings: the events carry no organizer.')
  }
  return warnings
}
