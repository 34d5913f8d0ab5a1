import { channel } from './define'
import { vehicleSchemas as s, type Vehicle } from '../domain/vehicles'

export const vehiclesContract = {
  'vehicles.list': channel<Vehicle[]>()(s.list),
  'vehicles.get': channel<Vehicle>()(s.get),
  'vehicles.create': channel<Vehicle>()(s.create),
  'vehicles.update': channel<Vehicle>()(s.update),
  'vehicles.setStatus': channel<Vehicle>()(s.setStatus),
}
