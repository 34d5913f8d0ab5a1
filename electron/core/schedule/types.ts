/**
 * What the planner reads and what it answers. Plain data, no database: the loaders in
 * `load.ts` fill these from SQLite, tests build them by hand.
 */
import type { IsoDate } from '../../../shared/dates'

export type PlannedOrigin = 'initial' | 'inspection' | 'template'

/** One vehicle as the planner needs it. */
export interface PlanVehicle {
  id: number
  onboardingDate: IsoDate
}

export interface PlanReading {
  date: IsoDate
  miles: number
  /** The reading taken at onboarding: the baseline of mile intervals. */
  onboarding?: boolean
  /** A reading lower than an earlier one on purpose (a replaced cluster): the pace restarts there. */
  correction?: boolean
}

export interface PlanTemplate {
  id: number
  activityTypeId: number
  /** The activity type's name, for notes the user reads. */
  name: string
  intervalMonths: number | null
  intervalDays: number | null
  intervalMiles: number | null
  anchor: 'onboarding' | 'last_completed'
}

/** A completed occurrence of a template, for anchor `last_completed`. */
export interface PlanCompletion {
  templateId: number
  occurrenceIndex: number
  /** Day of completion in the shop's time zone. */
  completedOn: IsoDate
  /** Odometer at completion, when recorded. */
  odometer: number | null
}

/** What is the same for every vehicle in one run: settings, types, templates, open days. */
export interface PlanReference {
  today: IsoDate
  inspectionIntervalMonths: number
  horizonMonths: number
  initialTypeId: number
  minorTypeId: number
  /** Active templates of active activity types. */
  templates: PlanTemplate[]
  /** The due date a planned date lands on: itself, or the next day the shop is open (rule 8). */
  nextOpenDay(date: IsoDate): IsoDate
}

export interface PlanInput {
  vehicle: PlanVehicle
  readings: PlanReading[]
  completions: PlanCompletion[]
}

/** One occurrence the rules call for. */
export interface PlannedOccurrence {
  /** `initial`, `inspection:<k>`, `template:<id>:<k>`: its identity, never its date. */
  key: string
  origin: PlannedOrigin
  templateId: number | null
  occurrenceIndex: number | null
  activityTypeId: number
  dueDate: IsoDate
}

export interface Plan {
  occurrences: PlannedOccurrence[]
  /** Why something could not be planned, in words for the user. */
  notes: string[]
}
