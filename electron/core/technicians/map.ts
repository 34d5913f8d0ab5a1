import type { Selectable } from 'kysely'
import type { TechniciansTable } from '../db/database'
import type { Technician } from '../../../shared/domain/technicians'

export const toTechnician = (row: Selectable<TechniciansTable>): Technician => ({
  id: row.id,
  name: row.name,
  email: row.email,
  active: row.active === 1,
})
