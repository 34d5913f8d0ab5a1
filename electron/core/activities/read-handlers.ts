import type { HandlerMap } from '../handler'
import { findVehicle } from '../vehicles/queries'
import { listLog } from './log'
import { readContext } from './read-context'
import { readActivity } from './read'
import { overdueList, rangeOf, unbookedList, upcomingList, vehicleSchedule } from './read-models'
import { todayView } from './today'
import { activityStats } from './stats'
import { freeSlots } from './free-slots'

type ActivitiesMap = HandlerMap<'activities'>

export const activityReadHandlers = {
  'activities.get': async ({ id }, { db, clock }) => readActivity(await readContext(db, clock), id),
  // The trace outlives an occurrence the scheduler removed, so a missing activity is no error here.
  'activities.history': async ({ id }, { db }) => listLog(db, id),
  'activities.range': async (input, { db, clock }) => rangeOf(await readContext(db, clock), input),
  'activities.today': async (_input, { db, clock }) => todayView(await readContext(db, clock)),
  'activities.upcoming': async ({ days }, { db, clock }) => upcomingList(await readContext(db, clock), days),
  'activities.overdue': async (_input, { db, clock }) => overdueList(await readContext(db, clock)),
  'activities.unbooked': async (input, { db, clock }) => unbookedList(await readContext(db, clock), input),
  'activities.forVehicle': async ({ vehicleId }, { db, clock }) => {
    await findVehicle(db, vehicleId)
    return vehicleSchedule(await readContext(db, clock), vehicleId)
  },
  'activities.stats': async ({ from, to }, { db, clock }) => activityStats(await readContext(db, clock), from, to),
  'activities.freeSlots': async (input, { db, clock }) => freeSlots(await readContext(db, clock), input),
} satisfies Partial<ActivitiesMap>
