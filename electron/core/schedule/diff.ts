import type { IsoDate } from '../../../shared/dates'
import type { PlannedOccurrence } from './types'

/** Marks the activities a deactivation cancelled, so a reactivation can bring them back. */
export const DEACTIVATION_REASON = 'Vehicle deactivated'

/** An activity already in the database that carries an occurrence key. */
export interface ExistingOccurrence {
  id: number
  key: string
  dueDate: IsoDate
  /** Nobody has touched it: still `scheduled`, never pinned (moved, booked, edited), not booked. */
  untouched: boolean
  /** Cancelled by a deactivation and otherwise untouched: a reactivation may bring it back. */
  restorable: boolean
}

export interface ReconcileDiff {
  insert: PlannedOccurrence[]
  move: Array<{ id: number; from: IsoDate; to: IsoDate }>
  remove: Array<{ id: number; dueDate: IsoDate }>
  /** Cancelled by a deactivation and planned again: back to `scheduled`, at the planned date. */
  restore: Array<{ id: number; from: IsoDate; to: IsoDate }>
}

/**
 * Rule 5: what it takes to make the database match the plan, by occurrence key.
 * A missing occurrence is inserted; an untouched one takes the planned date; an untouched
 * one no longer planned is removed, unless its day has passed (then it is overdue work that
 * will turn missed, not something to erase). Everything else is left exactly as it is.
 *
 * @example
 * diffOccurrences(plan.occurrences, existing, '2025-01-01') // { insert: [...], move: [], remove: [], restore: [] }
 */
export function diffOccurrences(planned: readonly PlannedOccurrence[], existing: readonly ExistingOccurrence[], today: IsoDate): ReconcileDiff {
  const diff: ReconcileDiff = { insert: [], move: [], remove: [], restore: [] }
  const byKey = new Map<string, ExistingOccurrence>()
  for (const a of existing) byKey.set(a.key, a)
  const plannedKeys = new Set<string>()
  for (const p of planned) {
    plannedKeys.add(p.key)
    const found = byKey.get(p.key)
    if (!found) diff.insert.push(p)
    else if (found.untouched) {
      if (found.dueDate !== p.dueDate) diff.move.push({ id: found.id, from: found.dueDate, to: p.dueDate })
    } else if (found.restorable) {
      diff.restore.push({ id: found.id, from: found.dueDate, to: p.dueDate })
    }
  }
  for (const a of existing) {
    if (a.untouched && a.dueDate >= today && !plannedKeys.has(a.key)) {
      diff.remove.push({ id: a.id, dueDate: a.dueDate })
    }
  }
  return diff
}
