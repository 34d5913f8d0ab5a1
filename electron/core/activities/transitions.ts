import { TRANSITIONS, type ActivityStatus } from '../../../shared/domain/activities'
import { AppError } from '../errors'

const label = (s: ActivityStatus): string => s.replace('_', ' ')

/**
 * Refuses any status change rule 7 does not allow, naming both statuses and what is
 * possible instead.
 *
 * @example
 * assertTransition('scheduled', 'completed') // throws: "…scheduled cannot become completed…"
 */
export function assertTransition(from: ActivityStatus, to: ActivityStatus): void {
  const allowed = TRANSITIONS[from]
  if (allowed.includes(to)) return
  const options = allowed.length > 0 ? ` (from ${label(from)} it can become ${allowed.map(label).join(', ')})` : ''
  throw new AppError('invalid_transition', `An activity that is ${label(from)} cannot become ${label(to)}${options}.`, undefined, { from, to })
}
