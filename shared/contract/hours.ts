import { channel } from './define'
import { hoursSchemas as s, type ShopDay } from '../domain/hours'

export const hoursContract = {
  'hours.get': channel<ShopDay[]>()(s.get),
  'hours.set': channel<ShopDay[]>()(s.set),
}
