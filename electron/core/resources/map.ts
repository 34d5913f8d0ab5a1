import type { Selectable } from 'kysely'
import type { BaysTable, ClosuresTable, TechniciansTable } from '../db/database'
import type { Bay } from '../../../shared/domain/bays'
import type { Closure } from '../../../shared/domain/closures'
import type { Technician } from '../../../shared/domain/technicians'

export const toBay = (row: Selectable<BaysTable>): Bay => ({
  id: row.id,
  name: row.name,
  active: row.active === 1,
  sortOrder: row.sort_order,
})

export const toTechnician = (row: Selectable<TechniciansTable>): Technician => ({
  id: row.id,
  name: row.name,
  email: row.email,
  active: row.active === 1,
})

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
