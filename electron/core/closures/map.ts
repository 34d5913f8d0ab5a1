import type { Selectable } from 'kysely'
import type { ClosuresTable } from '../db/database'
import type { Closure } from '../../../shared/domain/closures'

export const toClosure = (row: Selectable<ClosuresTable> & { resource_name: string | null }): Closure => ({
  id: row.id,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  scope: row.scope,
  bayId: row.bay_id,
  technicianId: row.technician_id,
  resourceName: row.resource_name,
  reason: row.reason,
})
