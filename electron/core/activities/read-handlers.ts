import type { HandlerMap } from '../handler'
import { findVehicle } from '../vehicles/queries'
import { listLog } from './log'
import { readContext } from './read-context'
import { readActivity } from './read'
import { overdueList, rangeOf, unbookedList, upcomingList, vehicleSchedule } from './read-models'
import { unbookedPage } from './unbooked-page'
import { todayView } from './today'
import { activityStats } from './stats'
import { freeSlots } from './free-slots'

type ActivitiesMap = HandlerMap<'activities'>

export const activityReadHandlers = {
  'activities.get': async ({ id }, ctx) => readActivity(await readContext(ctx), id),
  // The trace outlives an occurrence the scheduler removed, so a missing activity is no error here.
  'activities.history': async ({ id }, { db }) => listLog(db, id),
  'activities.range': async (input, ctx) => rangeOf(await readContext(ctx), input),
  'activities.today': async (_input, ctx) => todayView(await readContext(ctx)),
  'activities.upcoming': async ({ days }, ctx) => upcomingList(await readContext(ctx), days),
  'activities.overdue': async (_input, ctx) => overdueList(await readContext(ctx)),
  'activities.unbooked': async (input, ctx) => unbookedList(await readContext(ctx), input),
  'activities.unbookedPage': async (input, ctx) => unbookedPage(await readContext(ctx), input),
  'activities.forVehicle': async ({ vehicleId }, ctx) => {
    await findVehicle(ctx.db, vehicleId)
    return vehicleSchedule(await readContext(ctx), vehicleId)
  },
  'activities.stats': async ({ from, to }, ctx) => activityStats(await readContext(ctx), from, to),
  'activities.freeSlots': async (input, ctx) => freeSlots(await readContext(ctx), input),
} satisfies Partial<ActivitiesMap>
