import type { Selectable } from 'kysely'
import type { OdometerReadingsTable } from '../db/database'
import type { OdometerReading } from '../../../shared/domain/odometer'

export const toReading = (row: Selectable<OdometerReadingsTable>): OdometerReading => ({
  id: row.id,
  vehicleId: row.vehicle_id,
  date: row.reading_date,
  miles: row.miles,
  isCorrection: row.is_correction === 1,
  source: row.source,
})
