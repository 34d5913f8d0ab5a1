import type { Ctx } from '../handler'
import { reconcileVehicles } from './reconcile'
import { loadReference } from './reference'
import { schedulingStore } from './store'

export type VehicleChange = 'onboarded' | 'updated' | 'deactivated' | 'reactivated' | 'odometer' | 'completed'

/**
 * Re-plans one vehicle after its data changed, inside the caller's transaction (rule 6 of
 * DESIGN.md). Onboarding plans only when auto-schedule is on; with it off, later changes
 * re-plan only a vehicle someone already scheduled, so a new odometer reading never plans
 * a year of work nobody asked for. Deactivation cancels the untouched future work; a
 * reactivation brings those same occurrences back.
 *
 * @example
 * await onVehicleChanged(ctx, vehicleId, 'odometer')
 */
export async function onVehicleChanged(ctx: Ctx, vehicleId: number, change: VehicleChange): Promise<void> {
  const store = schedulingStore(ctx)
  const vehicle = await store.vehicle(vehicleId)
  if (!vehicle) return
  const ref = await loadReference(store, ctx.clock.now())
  const now = ctx.clock.now().toISOString()

  if (change === 'deactivated') {
    const cancelled = await store.cancelUntouched(vehicleId, ref.today, { now, actor: ctx.actor })
    if (cancelled > 0) ctx.changed('activities')
    return
  }
  if (vehicle.status !== 'active') return
  if (!ref.autoSchedule && (change === 'onboarded' || !(await store.hasOccurrences(vehicleId)))) return

  const counts = await reconcileVehicles(store, ref, [{ id: vehicle.id, onboardingDate: vehicle.onboarding_date }], {
    write: true,
    now,
    actor: ctx.actor,
  })
  if (counts.add + counts.move + counts.remove > 0) ctx.changed('activities')
}
