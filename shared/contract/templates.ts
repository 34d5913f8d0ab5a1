import { channel } from './define'
import { templateSchemas as s, type MaintenanceTemplate } from '../domain/templates'

export const templatesContract = {
  'templates.list': channel<MaintenanceTemplate[]>()(s.list),
  'templates.create': channel<MaintenanceTemplate>()(s.create),
  'templates.update': channel<MaintenanceTemplate>()(s.update),
  'templates.delete': channel<{ id: number }>()(s.delete),
}
