import type { Selectable } from 'kysely'
import type { BaysTable } from '../db/database'
import type { Bay } from '../../../shared/domain/bays'

export const toBay = (row: Selectable<BaysTable>): Bay => ({
  id: row.id,
  name: row.name,
  active: row.active === 1,
  sortOrder: row.sort_order,
})
