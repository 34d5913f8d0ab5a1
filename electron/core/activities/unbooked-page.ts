import type { UnbookedPage } from '../../../shared/domain/activities'
import type { ReadContext } from './read-context'
import { mapRows } from './read'
import { runRows, selectActivities } from './select'
import { textMatches, unbooked, vehicleActive } from './filters'

export interface UnbookedPageFilter {
  from?: string
  to?: string
  text?: string
  limit: number
  offset: number
}

/**
 * Every scheduled activity without a time, for vehicles still served, by due date (then id, the
 * order `readActivities` gives unbooked work), one page of it with the count of all. Without
 * `to` it reaches the end of the plan: the desk must be able to see all the work nobody has
 * booked, not only what is due in the days on screen.
 *
 * @example
 * const { items, total } = await unbookedPage(rc, { to: '2026-06-30', limit: 50, offset: 0 })
 */
export async function unbookedPage(rc: ReadContext, f: UnbookedPageFilter): Promise<UnbookedPage> {
  let q = selectActivities(rc.db).where('a.status', '=', 'scheduled').where(unbooked).where(vehicleActive)
  if (f.from) q = q.where('a.due_date', '>=', f.from)
  if (f.to) q = q.where('a.due_date', '<=', f.to)
  if (f.text) q = q.where(textMatches(f.text))
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await runRows(rc, q.orderBy('a.due_date').orderBy('a.id').limit(f.limit).offset(f.offset).compile())
  return { items: await mapRows(rc, rows), total: Number(counted.n) }
}
