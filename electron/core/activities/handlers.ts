import type { HandlerMap } from '../handler'
import { activityReadHandlers } from './read-handlers'
import { activityEditHandlers } from './edit-handlers'

export const activitiesHandlers = {
  ...activityReadHandlers,
  ...activityEditHandlers,
} satisfies HandlerMap<'activities'>
