import { channel } from './define'
import { closureSchemas as s, type Closure } from '../domain/closures'

export const closuresContract = {
  'closures.list': channel<Closure[]>()(s.list),
  'closures.create': channel<Closure>()(s.create),
  'closures.delete': channel<{ id: number }>()(s.delete),
}
