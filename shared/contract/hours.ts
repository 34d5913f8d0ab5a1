import { channel } from './define'
import { referenceSchemas as s, type ShopDay } from '../domain/reference'

export const hoursContract = {
  'hours.get': channel<ShopDay[]>()(s.hoursGet),
  'hours.set': channel<ShopDay[]>()(s.hoursSet),
}
