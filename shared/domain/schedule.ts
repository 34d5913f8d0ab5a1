/** The scheduler's channels: reconcile plans with the database, one vehicle or all. */
import { z } from 'zod'
import { id } from './common'

export interface ReconcileCounts {
  add: number
  move: number
  remove: number
}

export interface VehiclePlanResult extends ReconcileCounts {
  vehicleId: number
  /** Why something could not be planned, e.g. a miles-only template without enough odometer readings. */
  notes: string[]
}

export interface ScheduleAllPreview extends ReconcileCounts {
  vehicles: number
}

export interface ScheduleAllResult extends ReconcileCounts {
  vehicles: number
  seconds: number
}

export const scheduleSchemas = {
  previewVehicle: z.object({ vehicleId: id }),
  reconcileVehicle: z.object({ vehicleId: id }),
  previewAll: z.object({}),
  applyAll: z.object({}),
}
