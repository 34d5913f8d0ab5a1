import { channel } from './define'
import { settingsSchemas as s, type Settings } from '../domain/settings'

export const settingsContract = {
  'settings.get': channel<Settings>()(s.get),
  'settings.update': channel<Settings>()(s.update),
}
