import { describe, expect, it } from 'vitest'
import { planVehicle } from '../../../electron/core/schedule/planner'
import type { PlanCompletion, PlanReading, PlanReference } from '../../../electron/core/schedule/types'
import { DEFAULT_WEEK, reference, template } from './plan-fixtures'

const plan = (onboardingDate: string, ref: PlanReference, extra: { readings?: PlanReading[]; completions?: PlanCompletion[] } = {}) =>
  planVehicle({ vehicle: { id: 1, onboardingDate }, readings: extra.readings ?? [], completions: extra.completions ?? [] }, ref)

/** `key -> due date`, the shape assertions read best in. */
const dates = (p: ReturnType<typeof plan>): Record<string, string> => Object.fromEntries(p.occurrences.map((o) => [o.key, o.dueDate]))

const series = (p: ReturnType<typeof plan>, prefix: string): string[] => p.occurrences.filter((o) => o.key.startsWith(prefix)).map((o) => o.dueDate)

describe('planner: the corrected reference example of DESIGN.md', () => {
  it('plans exactly the initial inspection plus twelve occurrences on those dates', () => {
    const oil = template(1, { intervalMonths: 3 })
    const tires = template(2, { intervalMonths: 6 })
    const brakes = template(3, { intervalMonths: 4 })
    const p = plan('2025-01-01', reference({ today: '2025-01-01', openWeekdays: DEFAULT_WEEK, templates: [oil, tires, brakes] }))
    expect(dates(p)).toEqual({
      initial: '2025-01-01',
      'inspection:1': '2025-05-01',
      'inspection:2': '2025-09-01',
      'inspection:3': '2026-01-01',
      'template:1:1': '2025-04-01',
      'template:1:2': '2025-07-01',
      'template:1:3': '2025-10-01',
      'template:1:4': '2026-01-01',
      'template:2:1': '2025-07-01',
      'template:2:2': '2026-01-01',
      'template:3:1': '2025-05-01',
      'template:3:2': '2025-09-01',
      'template:3:3': '2026-01-01',
    })
    expect(p.occurrences).toHaveLength(13)
    expect(p.occurrences.find((o) => o.key === 'template:2:1')).toMatchObject({
      origin: 'template',
      templateId: 2,
      occurrenceIndex: 1,
      activityTypeId: tires.activityTypeId,
    })
    expect(p.notes).toEqual([])
  })

  it('is a pure function: the same input gives the same plan', () => {
    const ref = reference({ today: '2025-01-01', templates: [template(1, { intervalMonths: 3 })] })
    expect(plan('2025-01-01', ref)).toEqual(plan('2025-01-01', ref))
  })
})

describe('planner: month ends and leap days', () => {
  it('onboarded on Jan 31, monthly inspections clamp to each month end without drifting', () => {
    const p = plan('2025-01-31', reference({ today: '2025-01-31', inspectionIntervalMonths: 1 }))
    expect(series(p, 'inspection:')).toEqual([
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
    ])
  })

  it('onboarded on Aug 31, every 6 months lands on Feb 28 and back on Aug 31', () => {
    const p = plan('2025-08-31', reference({ today: '2025-08-31', inspectionIntervalMonths: 6, horizonMonths: 24 }))
    expect(series(p, 'inspection:')).toEqual(['2026-02-28', '2026-08-31', '2027-02-28', '2027-08-31'])
  })

  it('onboarded on Aug 31, quarterly inspections fall on Nov 30, Feb 28, May 31', () => {
    const p = plan('2025-08-31', reference({ today: '2025-08-31', inspectionIntervalMonths: 3 }))
    expect(series(p, 'inspection:')).toEqual(['2025-11-30', '2026-02-28', '2026-05-31', '2026-08-31'])
  })

  it('onboarded on Feb 29 of a leap year: Feb 28 in common years, Feb 29 again in the next leap year', () => {
    const p = plan('2024-02-29', reference({ today: '2024-02-29', inspectionIntervalMonths: 12, horizonMonths: 48 }))
    expect(series(p, 'inspection:')).toEqual(['2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29'])
  })

  it('Jan 31 plus one month is Feb 29 in a leap year and Feb 28 otherwise', () => {
    const leap = plan('2024-01-31', reference({ today: '2024-01-31', inspectionIntervalMonths: 1, horizonMonths: 2 }))
    const common = plan('2025-01-31', reference({ today: '2025-01-31', inspectionIntervalMonths: 1, horizonMonths: 2 }))
    expect(series(leap, 'inspection:')).toEqual(['2024-02-29', '2024-03-31'])
    expect(series(common, 'inspection:')).toEqual(['2025-02-28', '2025-03-31'])
  })

  it('day intervals count days from onboarding across Feb 29', () => {
    const p = plan('2024-02-01', reference({ today: '2024-02-01', horizonMonths: 3, templates: [template(1, { intervalDays: 28 })] }))
    expect(series(p, 'template:1:')).toEqual(['2024-02-29', '2024-03-28', '2024-04-25'])
  })
})

describe('planner: horizon and the past', () => {
  it('a vehicle onboarded three years ago gets its initial inspection and future work only, no flood', () => {
    const p = plan('2022-01-01', reference({ today: '2025-01-01', templates: [template(1, { intervalMonths: 3 })] }))
    expect(dates(p)).toEqual({
      initial: '2022-01-01',
      // Counted from onboarding: 2025-01-01 is the ninth four-month mark and today, so it is due.
      'inspection:9': '2025-01-01',
      'inspection:10': '2025-05-01',
      'inspection:11': '2025-09-01',
      'inspection:12': '2026-01-01',
      'template:1:12': '2025-01-01',
      'template:1:13': '2025-04-01',
      'template:1:14': '2025-07-01',
      'template:1:15': '2025-10-01',
      'template:1:16': '2026-01-01',
    })
    const past = p.occurrences.filter((o) => o.dueDate < '2025-01-01').map((o) => o.key)
    expect(past).toEqual(['initial'])
  })

  it('a vehicle onboarded in the future is planned up to its onboarding plus the horizon', () => {
    const p = plan('2025-03-01', reference({ today: '2025-01-01', inspectionIntervalMonths: 6 }))
    expect(dates(p)).toEqual({ initial: '2025-03-01', 'inspection:1': '2025-09-01', 'inspection:2': '2026-03-01' })
  })

  it('the horizon end is inclusive and one day later is outside it', () => {
    const inside = plan('2025-01-01', reference({ today: '2025-01-01', horizonMonths: 12, inspectionIntervalMonths: 12 }))
    const outside = plan('2025-01-02', reference({ today: '2025-01-01', horizonMonths: 12, inspectionIntervalMonths: 12 }))
    expect(series(inside, 'inspection:')).toEqual(['2026-01-01'])
    // max(O, T) = Jan 2, so Jan 2 2026 is inside too: the horizon follows a future onboarding.
    expect(series(outside, 'inspection:')).toEqual(['2026-01-02'])
    const days = plan('2025-01-01', reference({ today: '2025-01-01', horizonMonths: 1, templates: [template(1, { intervalDays: 31 })] }))
    expect(series(days, 'template:1:')).toEqual(['2025-02-01'])
  })
})

describe('planner: closed days and closures (rule 8)', () => {
  it('a due date on a closed Sunday moves to Monday', () => {
    // 2025-01-05 is a Sunday; with four-month inspections 2025-05-05 is a Monday.
    const p = plan('2025-01-05', reference({ today: '2025-01-01', openWeekdays: DEFAULT_WEEK, inspectionIntervalMonths: 4 }))
    expect(dates(p)['initial']).toBe('2025-01-06')
    expect(dates(p)['inspection:1']).toBe('2025-05-05')
  })

  it('a whole-shop closure moves due dates to the first open day after it, skipping a closed Sunday', () => {
    // Closed Thu 2025-04-03 to Sat 04-05; Sunday 04-06 is closed anyway: Monday 04-07.
    const p = plan(
      '2025-01-03',
      reference({
        today: '2025-01-01',
        openWeekdays: DEFAULT_WEEK,
        templates: [template(1, { intervalMonths: 3 })],
        closures: [{ startsOn: '2025-04-03', endsOn: '2025-04-05' }],
      }),
    )
    expect(dates(p)['template:1:1']).toBe('2025-04-07')
    expect(dates(p)['template:1:2']).toBe('2025-07-03')
  })
})

describe('planner: work moved off a closed day (rules 4 and 8)', () => {
  it('is still planned once the closed day has passed: "before today" is judged on the moved day', () => {
    // Oil falls on Tue 2025-04-01, closed Apr 1-2: due Thu 04-03. Today is 04-03.
    const p = plan(
      '2025-01-01',
      reference({
        today: '2025-04-03',
        templates: [template(1, { intervalMonths: 3 })],
        closures: [{ startsOn: '2025-04-01', endsOn: '2025-04-02' }],
      }),
    )
    expect(dates(p)['template:1:1']).toBe('2025-04-03')
  })

  it('work whose moved day has passed too is past', () => {
    const p = plan(
      '2025-01-01',
      reference({
        today: '2025-04-04',
        templates: [template(1, { intervalMonths: 3 })],
        closures: [{ startsOn: '2025-04-01', endsOn: '2025-04-02' }],
      }),
    )
    expect(dates(p)['template:1:1']).toBeUndefined()
    expect(dates(p)['template:1:2']).toBe('2025-07-01')
  })
})

describe('planner: miles', () => {
  // 30 miles a day: 10,000 at onboarding, 10,900 thirty days later.
  const readings: PlanReading[] = [
    { date: '2024-12-02', miles: 10_000, onboarding: true },
    { date: '2025-01-01', miles: 10_900 },
  ]

  it('projects mile intervals from the average daily distance, counted from the onboarding reading', () => {
    const p = plan('2024-12-02', reference({ today: '2025-01-01', templates: [template(1, { intervalMiles: 3000 })] }), { readings })
    // 13,000 is 2,100 past the last reading: 70 days; 16,000: 170 days; 19,000: 270 days; 22,000: 370 days (past the horizon).
    expect(series(p, 'template:1:')).toEqual(['2025-03-12', '2025-06-20', '2025-09-28'])
    expect(p.notes).toEqual([])
  })

  it('whichever comes first: months win when they come sooner', () => {
    const p = plan('2024-12-02', reference({ today: '2025-01-01', templates: [template(1, { intervalMiles: 3000, intervalMonths: 2 })] }), { readings })
    expect(series(p, 'template:1:')).toEqual(['2025-02-02', '2025-04-02', '2025-06-02', '2025-08-02', '2025-10-02', '2025-12-02'])
  })

  it('whichever comes first: miles win when they come sooner', () => {
    const milesWin = plan('2024-12-02', reference({ today: '2025-01-01', templates: [template(1, { intervalMiles: 3000, intervalMonths: 5 })] }), { readings })
    expect(series(milesWin, 'template:1:')).toEqual(['2025-03-12', '2025-06-20', '2025-09-28'])
  })

  it('whichever comes first per occurrence: the winner switches from miles to days where the two paces cross', () => {
    // 20 miles a day over the last year (2,000 -> 9,300); the onboarding reading (0, 2024-01-01)
    // is older than a year, so it is the baseline but not part of the pace. Every 1,000 miles
    // is every 50 days from 465 days before today; every 48 days runs from 425 days before.
    const p = plan('2024-01-01', reference({ today: '2025-03-01', horizonMonths: 24, templates: [template(1, { intervalMiles: 1000, intervalDays: 48 })] }), {
      readings: [
        { date: '2024-01-01', miles: 0, onboarding: true },
        { date: '2024-03-01', miles: 2_000 },
        { date: '2025-03-01', miles: 9_300 },
      ],
    })
    const d = dates(p)
    expect(d['template:1:9']).toBeUndefined() // past by both measures
    expect(d['template:1:10']).toBe('2025-04-05') // miles (days: 04-25)
    expect(d['template:1:19']).toBe('2026-06-29') // miles (days: 07-01)
    expect(d['template:1:20']).toBe('2026-08-18') // both
    expect(d['template:1:21']).toBe('2026-10-05') // days (miles: 10-07)
    expect(d['template:1:24']).toBe('2027-02-26') // days; miles would be past the horizon
    expect(d['template:1:25']).toBeUndefined()
  })

  it('a miles-only template plans nothing without two readings 14 days apart in the last year, and says why', () => {
    const cases: PlanReading[][] = [
      [],
      [{ date: '2025-01-01', miles: 10_000 }],
      [
        { date: '2024-12-25', miles: 10_000 },
        { date: '2025-01-01', miles: 10_300 },
      ],
      [
        { date: '2023-06-01', miles: 1_000 },
        { date: '2023-12-01', miles: 8_000 },
      ],
    ]
    for (const r of cases) {
      const p = plan('2023-06-01', reference({ today: '2025-01-01', templates: [template(1, { intervalMiles: 3000 })] }), { readings: r })
      expect(series(p, 'template:')).toEqual([])
      expect(p.notes).toHaveLength(1)
      expect(p.notes[0]).toMatch(/Service 1 \(every 3000 miles\) plans nothing/)
    }
  })

  it('after a correction (a replaced cluster), the pace is taken from the readings since it', () => {
    const p = plan('2024-12-02', reference({ today: '2025-01-31', templates: [template(1, { intervalMiles: 3000 })] }), {
      readings: [
        { date: '2024-12-02', miles: 10_000, onboarding: true },
        { date: '2025-01-01', miles: 500, correction: true },
        { date: '2025-01-31', miles: 1_400 },
      ],
    })
    // Across the correction the odometer went down, so the pace is taken from it on: 30 a day.
    // The onboarding baseline moves by the drop (10,000 -> 500): 3,500 is 70 days after 01-31.
    expect(p.notes).toEqual([])
    expect(series(p, 'template:1:')).toEqual(['2025-04-11', '2025-07-20', '2025-10-28'])
  })

  it('a template with months and miles falls back to months when miles cannot be projected', () => {
    const p = plan('2025-01-01', reference({ today: '2025-01-01', templates: [template(1, { intervalMiles: 3000, intervalMonths: 6 })] }))
    expect(series(p, 'template:1:')).toEqual(['2025-07-01', '2026-01-01'])
    expect(p.notes[0]).toMatch(/other intervals only/)
  })
})

describe('planner: anchor last_completed', () => {
  const every3 = template(1, { intervalMonths: 3, anchor: 'last_completed' })

  it('after an early completion, later occurrences count from the completion date', () => {
    const p = plan('2025-01-01', reference({ today: '2025-03-16', templates: [every3] }), {
      completions: [{ templateId: 1, occurrenceIndex: 1, completedOn: '2025-03-15', odometer: null }],
    })
    expect(dates(p)).toMatchObject({ 'template:1:2': '2025-06-15', 'template:1:3': '2025-09-15', 'template:1:4': '2025-12-15', 'template:1:5': '2026-03-15' })
    expect(series(p, 'template:')).toHaveLength(4)
  })

  it('after a late completion, later occurrences count from the completion date', () => {
    const p = plan('2025-01-01', reference({ today: '2025-04-21', templates: [every3] }), {
      completions: [{ templateId: 1, occurrenceIndex: 1, completedOn: '2025-04-20', odometer: null }],
    })
    expect(series(p, 'template:1:')).toEqual(['2025-07-20', '2025-10-20', '2026-01-20', '2026-04-20'])
  })

  it('counts mile intervals from the odometer at completion', () => {
    const p = plan(
      '2024-12-02',
      reference({ today: '2025-01-01', horizonMonths: 6, templates: [template(1, { intervalMiles: 3000, anchor: 'last_completed' })] }),
      {
        readings: [
          { date: '2024-12-02', miles: 10_000, onboarding: true },
          { date: '2025-01-01', miles: 10_900 },
        ],
        completions: [{ templateId: 1, occurrenceIndex: 1, completedOn: '2024-12-31', odometer: 10_900 }],
      },
    )
    // 13,900 is 3,000 past the last reading: 100 days after 2025-01-01.
    expect(series(p, 'template:1:')).toEqual(['2025-04-11'])
    expect(p.occurrences.find((o) => o.key.startsWith('template:'))?.occurrenceIndex).toBe(2)
  })

  it('anchor onboarding ignores completions', () => {
    const p = plan('2025-01-01', reference({ today: '2025-03-16', templates: [template(1, { intervalMonths: 3 })] }), {
      completions: [{ templateId: 1, occurrenceIndex: 1, completedOn: '2025-03-15', odometer: null }],
    })
    expect(series(p, 'template:1:')).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01'])
  })
})
