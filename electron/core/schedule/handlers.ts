import { AppError, notFound } from '../errors'
import { longRunning, type Ctx, type HandlerMap } from '../handler'
import type { VehiclePlanResult } from '../../../shared/domain/schedule'
import { reconcileVehicles } from './reconcile'
import { loadReference } from './reference'
import { scheduleAll } from './schedule-all'
import { schedulingStore } from './store'
import type { PlannedOccurrence } from './types'

/** Plans one vehicle and reconciles it (or only counts): the two one-vehicle channels. */
async function reconcileOne(ctx: Ctx, vehicleId: number, write: boolean): Promise<VehiclePlanResult> {
  const store = schedulingStore(ctx)
  const vehicle = await store.vehicle(vehicleId)
  if (!vehicle) throw notFound('Vehicle', vehicleId)
  if (vehicle.status !== 'active') {
    throw new AppError('refused', 'This vehicle is inactive; reactivate it before planning its work.')
  }
  const ref = await loadReference(store, ctx.clock.now())
  let notes: string[] = []
  let planned: PlannedOccurrence[] = []
  const counts = await reconcileVehicles(store, ref, [{ id: vehicle.id, onboardingDate: vehicle.onboarding_date }], {
    write,
    now: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    onVehicle: (_id, plan) => {
      notes = plan.notes
      planned = plan.occurrences
    },
  })
  if (write && counts.add + counts.move + counts.remove > 0) ctx.changed('activities')
  return {
    vehicleId,
    ...counts,
    notes,
    planned: planned.map((p) => ({ key: p.key, origin: p.origin, templateId: p.templateId, activityTypeId: p.activityTypeId, dueDate: p.dueDate })),
  }
}

export const scheduleHandlers = {
  'schedule.previewVehicle': ({ vehicleId }, ctx) => reconcileOne(ctx, vehicleId, false),

  'schedule.reconcileVehicle': ({ vehicleId }, ctx) => reconcileOne(ctx, vehicleId, true),

  // Read-only, but over every vehicle: batched like the apply so the app stays responsive.
  'schedule.previewAll': longRunning<'schedule.previewAll'>(async (_input, ctx) => {
    const { vehicles, add, move, remove } = await scheduleAll(ctx, { write: false, label: 'Counting changes' })
    return { vehicles, add, move, remove }
  }),

  'schedule.applyAll': longRunning<'schedule.applyAll'>(async (_input, ctx) => {
    // Bulk work over every vehicle: a checked backup first, so the shop can go back.
    await ctx.backupBefore('before-schedule-all')
    const started = performance.now()
    const counts = await scheduleAll(ctx, { write: true, label: 'Scheduling all vehicles' })
    return { ...counts, seconds: Math.round(performance.now() - started) / 1000 }
  }),
} satisfies HandlerMap<'schedule'>
