import type { Customer } from '../../../shared/domain/customers'
import type { CustomerRow } from '../db/database'

export const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  notes: row.notes,
  active: row.active === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})
