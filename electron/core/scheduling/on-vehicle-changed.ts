import type { Ctx } from '../handler'

export type VehicleChange = 'onboarded' | 'updated' | 'deactivated' | 'reactivated' | 'odometer' | 'completed'

/**
 * Re-plans one vehicle after its data changed, inside the caller's transaction (rule 6 of
 * DESIGN.md). Filled in by the scheduling engine.
 */
export async function onVehicleChanged(_ctx: Ctx, _vehicleId: number, _change: VehicleChange): Promise<void> {}
