import { channel } from './define'
import { referenceSchemas as s, type Settings } from '../domain/reference'

export const settingsContract = {
  'settings.get': channel<Settings>()(s.settingsGet),
  'settings.update': channel<Settings>()(s.settingsUpdate),
}
