import { channel } from './define'
import {
  activitySchemas as s,
  type Activity,
  type ActivityLogEntry,
  type ActivityStats,
  type FreeSlot,
  type TodayView,
  type VehicleSchedule,
} from '../domain/activities'

export const activitiesContract = {
  'activities.get': channel<Activity>()(s.get),
  'activities.history': channel<ActivityLogEntry[]>()(s.history),
  'activities.range': channel<Activity[]>()(s.range),
  'activities.today': channel<TodayView>()(s.today),
  'activities.upcoming': channel<Activity[]>()(s.upcoming),
  'activities.overdue': channel<Activity[]>()(s.overdue),
  'activities.unbooked': channel<Activity[]>()(s.unbooked),
  'activities.forVehicle': channel<VehicleSchedule>()(s.forVehicle),
  'activities.stats': channel<ActivityStats>()(s.stats),
  'activities.createManual': channel<Activity>()(s.createManual),
  'activities.book': channel<Activity>()(s.book),
  'activities.unbook': channel<Activity>()(s.unbook),
  'activities.setDueDate': channel<Activity>()(s.setDueDate),
  'activities.update': channel<Activity>()(s.update),
  'activities.start': channel<Activity>()(s.start),
  'activities.complete': channel<Activity>()(s.complete),
  'activities.cancel': channel<Activity>()(s.cancel),
  'activities.rebook': channel<Activity>()(s.rebook),
  'activities.markContacted': channel<Activity>()(s.markContacted),
  'activities.freeSlots': channel<FreeSlot[]>()(s.freeSlots),
}
