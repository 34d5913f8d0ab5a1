import { channel } from './define'
import { baySchemas as s, type Bay } from '../domain/bays'

export const baysContract = {
  'bays.list': channel<Bay[]>()(s.list),
  'bays.create': channel<Bay>()(s.create),
  'bays.update': channel<Bay>()(s.update),
}
