import { channel } from './define'
import { referenceSchemas as s, type Technician } from '../domain/reference'

export const techniciansContract = {
  'technicians.list': channel<Technician[]>()(s.techniciansList),
  'technicians.create': channel<Technician>()(s.techniciansCreate),
  'technicians.update': channel<Technician>()(s.techniciansUpdate),
}
