import { channel } from './define'
import { referenceSchemas as s, type OdometerReading } from '../domain/reference'

export const odometerContract = {
  'odometer.list': channel<OdometerReading[]>()(s.odometerList),
  'odometer.add': channel<OdometerReading>()(s.odometerAdd),
}
