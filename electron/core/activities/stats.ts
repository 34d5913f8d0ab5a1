import { sql } from 'kysely'
import type { ActivityStats, ActivityStatus } from '../../../shared/domain/activities'
import type { Category } from '../../../shared/domain/activity-types'
import type { ReadContext } from './read-context'
import { dayInRange, openBefore } from './filters'

/**
 * Counts over `[from, to]` by status and by category, in one grouped query, and the
 * completion rate: completed / (completed + missed + cancelled + open work whose day has
 * passed); null when nothing in the range was due yet.
 *
 * @example
 * const s = await activityStats(rc, '2025-01-01', '2025-03-31') // s.completionRate === 0.8
 */
export async function activityStats(rc: ReadContext, from: string, to: string): Promise<ActivityStats> {
  const rows = await rc.db
    .selectFrom('activities as a')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .select([
      'a.status',
      't.category',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when ${openBefore(rc.today, rc.todayStart)} then 1 else 0 end)`.as('past'),
    ])
    .where(dayInRange(from, to, rc.timeZone))
    .groupBy(['a.status', 't.category'])
    .execute()

  const byStatus: Record<ActivityStatus, number> = { scheduled: 0, in_progress: 0, completed: 0, cancelled: 0, missed: 0 }
  const byCategory: Record<Category, number> = { inspection: 0, maintenance: 0, repair: 0, other: 0 }
  let total = 0
  let pastOpen = 0
  for (const r of rows) {
    const n = Number(r.n)
    byStatus[r.status] += n
    byCategory[r.category] += n
    total += n
    pastOpen += Number(r.past)
  }
  const settled = byStatus.completed + byStatus.missed + byStatus.cancelled + pastOpen
  return {
    from,
    to,
    total,
    byStatus,
    byCategory,
    completionRate: settled > 0 ? byStatus.completed / settled : null,
  }
}
