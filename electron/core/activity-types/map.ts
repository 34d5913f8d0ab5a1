import type { Selectable } from 'kysely'
import type { ActivityTypesTable } from '../db/database'
import type { ActivityType } from '../../../shared/domain/activity-types'

export const toActivityType = (row: Selectable<ActivityTypesTable>): ActivityType => ({
  id: row.id,
  name: row.name,
  category: row.category,
  durationMinutes: row.duration_minutes,
  active: row.active === 1,
  builtin: row.builtin,
})
