import { addMonths, fromDayNumber, maxDate, monthsFrom, toDayNumber, type IsoDate } from '../../../shared/dates'
import { dateAtMiles, milesOn, projectMileage, type Projection } from './mileage'
import type { Plan, PlanCompletion, PlanInput, PlanReference, PlanTemplate, PlannedOccurrence } from './types'

/** A guard against a pathological interval (1 day over decades): no vehicle needs more. */
const MAX_OCCURRENCES_PER_SERIES = 5000

/**
 * The identity of a planned occurrence (rule 5), stored in `activities.occurrence_key`.
 *
 * @example
 * occurrenceKey.template(3, 2) // 'template:3:2'
 */
export const occurrenceKey = {
  initial: (): string => 'initial',
  inspection: (k: number): string => `inspection:${k}`,
  template: (templateId: number, k: number): string => `template:${templateId}:${k}`,
}

/**
 * Plans one vehicle (rules 1–4 and 8 of DESIGN.md): the initial inspection on its
 * onboarding day, minor inspections every N months from onboarding, every template's
 * occurrences (months, days, projected miles, whichever comes first; anchored on onboarding
 * or the last completion), up to `max(O, T) + H` months inclusive and none before today but
 * the initial inspection; each due date moved to the next open day. Pure: same input, same plan.
 *
 * @example
 * const plan = planVehicle({ vehicle: { id: 1, onboardingDate: '2025-01-01' }, readings: [], completions: [] }, reference)
 * plan.occurrences[0] // { key: 'initial', dueDate: '2025-01-01', ... }
 */
export function planVehicle(input: PlanInput, ref: PlanReference): Plan {
  const onboarding = input.vehicle.onboardingDate
  const horizonEnd = addMonths(maxDate(onboarding, ref.today), ref.horizonMonths)
  const occurrences: PlannedOccurrence[] = []
  const notes: string[] = []

  occurrences.push({
    key: occurrenceKey.initial(),
    origin: 'initial',
    templateId: null,
    occurrenceIndex: null,
    activityTypeId: ref.initialTypeId,
    dueDate: ref.nextOpenDay(onboarding),
  })

  const n = ref.inspectionIntervalMonths
  const fromOnboarding = monthsFrom(onboarding)
  forEachOccurrence(
    0,
    (j) => fromOnboarding(j * n),
    ref,
    horizonEnd,
    (k, dueDate) => {
      occurrences.push({
        key: occurrenceKey.inspection(k),
        origin: 'inspection',
        templateId: null,
        occurrenceIndex: k,
        activityTypeId: ref.minorTypeId,
        dueDate,
      })
    },
  )

  let projection: Projection | undefined
  for (const template of ref.templates) {
    if (template.intervalMiles != null) projection ??= projectMileage(input.readings, ref.today)
    const series = templateSeries(template, onboarding, latestCompletion(input.completions, template.id), projection)
    if (!series) {
      notes.push(
        `${template.name} (every ${template.intervalMiles} miles) plans nothing: ` +
          `the mileage cannot be projected because ${projection && !projection.ok ? projection.reason : 'of missing readings'}.`,
      )
      continue
    }
    if (template.intervalMiles != null && projection && !projection.ok) {
      notes.push(`${template.name} follows its other intervals only: the mileage cannot be projected because ${projection.reason}.`)
    }
    forEachOccurrence(series.firstIndex, series.dateOf, ref, horizonEnd, (k, dueDate) => {
      occurrences.push({
        key: occurrenceKey.template(template.id, k),
        origin: 'template',
        templateId: template.id,
        occurrenceIndex: k,
        activityTypeId: template.activityTypeId,
        dueDate,
      })
    })
  }
  return { occurrences, notes }
}

/**
 * Calls `emit(k, dueDate)` for the occurrences `k = after + j` (j = 1, 2, …) planned up to
 * `horizonEnd`, with their due date moved to the next open day (rule 8). Dates must not
 * decrease with j. The horizon is judged on the planned date, "before today" on the moved
 * one (rule 4): work moved off a closed day onto today or later is still due, so a re-plan
 * after the closed day has passed must not drop it.
 */
function forEachOccurrence(
  after: number,
  dateOf: (j: number) => IsoDate,
  ref: Pick<PlanReference, 'today' | 'nextOpenDay'>,
  horizonEnd: IsoDate,
  emit: (k: number, dueDate: IsoDate) => void,
): void {
  for (let j = 1; j <= MAX_OCCURRENCES_PER_SERIES; j++) {
    const date = dateOf(j)
    if (date > horizonEnd) return
    const due = ref.nextOpenDay(date)
    if (due >= ref.today) emit(after + j, due)
  }
}

function latestCompletion(completions: readonly PlanCompletion[], templateId: number): PlanCompletion | undefined {
  let latest: PlanCompletion | undefined
  for (const c of completions) {
    if (c.templateId !== templateId) continue
    if (!latest || c.occurrenceIndex > latest.occurrenceIndex) latest = c
  }
  return latest
}

/**
 * The dates of one template's occurrences after its anchor: the j-th is the earliest of
 * its intervals counted j times from the anchor (whichever comes first). Undefined when no
 * interval can be computed (miles only, without a projection).
 */
function templateSeries(
  template: PlanTemplate,
  onboarding: IsoDate,
  completion: PlanCompletion | undefined,
  projection: Projection | undefined,
): { firstIndex: number; dateOf: (j: number) => IsoDate } | undefined {
  const anchored = template.anchor === 'last_completed' && completion !== undefined
  const anchorDate = anchored ? completion.completedOn : onboarding
  const firstIndex = anchored ? completion.occurrenceIndex : 0

  const rules: Array<(j: number) => IsoDate> = []
  const { intervalMonths: months, intervalDays: days, intervalMiles: miles } = template
  if (months != null) {
    const fromAnchor = monthsFrom(anchorDate)
    rules.push((j) => fromAnchor(j * months))
  }
  if (days != null) {
    const anchorDay = toDayNumber(anchorDate)
    rules.push((j) => fromDayNumber(anchorDay + j * days))
  }
  if (miles != null && projection?.ok) {
    const anchorMiles = anchored ? (completion.odometer ?? milesOn(projection, anchorDate)) : projection.baseline
    rules.push((j) => dateAtMiles(projection, anchorMiles + j * miles))
  }
  const only = rules.length === 1 ? rules[0] : undefined
  if (only) return { firstIndex, dateOf: only }
  if (rules.length === 0) return undefined
  return {
    firstIndex,
    dateOf: (j) => {
      let earliest = rules[0]!(j)
      for (let i = 1; i < rules.length; i++) {
        const d = rules[i]!(j)
        if (d < earliest) earliest = d
      }
      return earliest
    },
  }
}
