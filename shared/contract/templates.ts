import { channel } from './define'
import { referenceSchemas as s, type MaintenanceTemplate } from '../domain/reference'

export const templatesContract = {
  'templates.list': channel<MaintenanceTemplate[]>()(s.templatesList),
  'templates.create': channel<MaintenanceTemplate>()(s.templatesCreate),
  'templates.update': channel<MaintenanceTemplate>()(s.templatesUpdate),
  'templates.delete': channel<{ id: number }>()(s.templatesDelete),
}
