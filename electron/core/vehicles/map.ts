import type { Vehicle, VehicleListItem } from '../../../shared/domain/vehicles'
import type { VehicleRow } from '../db/database'

export const toVehicle = (row: VehicleRow & { customer_name: string }): Vehicle => ({
  id: row.id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  vin: row.vin,
  make: row.make,
  model: row.model,
  year: row.year,
  licensePlate: row.license_plate,
  onboardingDate: row.onboarding_date,
  status: row.status,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const toVehicleListItem = (
  row: VehicleRow & {
    customer_name: string
    next_id: number | null
    next_type: string | null
    next_due_date: string | null
    next_start: string | null
    next_overdue: number | null
    overdue_count: number
  },
): VehicleListItem => ({
  ...toVehicle(row),
  nextDue:
    row.next_id === null
      ? null
      : { activityId: row.next_id, typeName: row.next_type ?? '', dueDate: row.next_due_date ?? '', start: row.next_start, overdue: row.next_overdue === 1 },
  overdueCount: row.overdue_count,
})
