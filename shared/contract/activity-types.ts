import { channel } from './define'
import { referenceSchemas as s, type ActivityType } from '../domain/reference'

export const activityTypesContract = {
  'activityTypes.list': channel<ActivityType[]>()(s.typesList),
  'activityTypes.create': channel<ActivityType>()(s.typesCreate),
  'activityTypes.update': channel<ActivityType>()(s.typesUpdate),
  'activityTypes.delete': channel<{ id: number }>()(s.typesDelete),
}
