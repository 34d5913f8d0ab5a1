import { channel } from './define'
import { odometerSchemas as s, type OdometerReading } from '../domain/odometer'

export const odometerContract = {
  'odometer.list': channel<OdometerReading[]>()(s.list),
  'odometer.add': channel<OdometerReading>()(s.add),
}
