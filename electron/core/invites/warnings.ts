/**
 * What a schedule export lacks and why, so the screen can say so. A schedule is a calendar
 * to import, without organizer or attendees (see the writer), so a customer without an
 * email address or a shop without one costs it nothing.
 *
 * @example
 * exportWarnings(0) // ['Nothing to export: the file holds no events.']
 */
export function exportWarnings(total: number): string[] {
  return total === 0 ? ['Nothing to export: the file holds no events.'] : []
}
