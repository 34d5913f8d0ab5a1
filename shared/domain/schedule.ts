/** The scheduler's channels: reconcile plans with the database, one vehicle or all. */
import { z } from 'zod'
import { id } from './common'

export interface ReconcileCounts {
  add: number
  move: number
  remove: number
}

/** One occurrence the rules call for, as the planner sees it today. */
export interface PlannedOccurrenceView {
  /** `initial`, `inspection:<k>`, `template:<id>:<k>`: its identity, never its date. */
  key: string
  origin: 'initial' | 'inspection' | 'template'
  templateId: number | null
  activityTypeId: number
  /** Already moved off closed days (rule 8). */
  dueDate: string
}

export interface VehiclePlanResult extends ReconcileCounts {
  vehicleId: number
  /** Why something could not be planned, e.g. a miles-only template without enough odometer readings. */
  notes: string[]
  /** Everything the plan holds now; the counts say what reconciling changes (or changed). */
  planned: PlannedOccurrenceView[]
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
