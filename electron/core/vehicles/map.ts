import type { Vehicle } from '../../../shared/domain/vehicles'
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
