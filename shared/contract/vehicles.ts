import { channel } from './define'
import { vehicleSchemas as s, type Vehicle, type VehicleListItem } from '../domain/vehicles'

export const vehiclesContract = {
  'vehicles.list': channel<VehicleListItem[]>()(s.list),
  'vehicles.get': channel<Vehicle>()(s.get),
  'vehicles.create': channel<Vehicle>()(s.create),
  'vehicles.update': channel<Vehicle>()(s.update),
  'vehicles.setStatus': channel<Vehicle>()(s.setStatus),
}
