import { channel } from './define'
import { technicianSchemas as s, type Technician } from '../domain/technicians'

export const techniciansContract = {
  'technicians.list': channel<Technician[]>()(s.list),
  'technicians.create': channel<Technician>()(s.create),
  'technicians.update': channel<Technician>()(s.update),
}
