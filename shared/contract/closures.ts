import { channel } from './define'
import { referenceSchemas as s, type Closure } from '../domain/reference'

export const closuresContract = {
  'closures.list': channel<Closure[]>()(s.closuresList),
  'closures.create': channel<Closure>()(s.closuresCreate),
  'closures.delete': channel<{ id: number }>()(s.closuresDelete),
}
