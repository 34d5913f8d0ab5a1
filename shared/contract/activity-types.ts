import { channel } from './define'
import { activityTypeSchemas as s, type ActivityType } from '../domain/activity-types'

export const activityTypesContract = {
  'activityTypes.list': channel<ActivityType[]>()(s.list),
  'activityTypes.create': channel<ActivityType>()(s.create),
  'activityTypes.update': channel<ActivityType>()(s.update),
  'activityTypes.delete': channel<{ id: number }>()(s.delete),
}
