import { channel } from './define'
import { referenceSchemas as s, type Bay } from '../domain/reference'

export const baysContract = {
  'bays.list': channel<Bay[]>()(s.baysList),
  'bays.create': channel<Bay>()(s.baysCreate),
  'bays.update': channel<Bay>()(s.baysUpdate),
}
