import { describe, expect, it } from 'vitest'
// The library's own date arithmetic, what the calendar's localizer replaces with fast paths.
import { DateLocalizer } from 'react-big-calendar'

// A zone with daylight saving time, set before the localizer is loaded (this file is typed for the renderer).
;(globalThis as unknown as { process: { env: Record<string, string> } }).process.env.TZ = 'America/New_York'
const { localizer } = await import('../../renderer/src/features/calendar/localizer')
const generic = new DateLocalizer({ format: () => '', firstOfWeek: () => 0 } as never) as unknown as Record<string, (...args: unknown[]) => unknown>
const fast = localizer as unknown as Record<string, (...args: unknown[]) => unknown>

/** Wall dates around both 2026 DST changes and in between, on and off whole minutes and days. */
function dates(): Date[] {
  const out: Date[] = []
  for (const day of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-31', '2026-04-01', '2026-10-31', '2026-11-01', '2026-11-02']) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    for (const [h, min, s] of [
      [0, 0, 0],
      [1, 30, 0],
      [2, 30, 0],
      [3, 0, 0],
      [8, 15, 30],
      [23, 59, 0],
    ] as const)
      out.push(new Date(y, m - 1, d, h, min, s))
  }
  return out
}
const value = (x: unknown) => (x instanceof Date ? x.getTime() : x)
/** What a call answers, or that it throws (the library does for some calls about "no date"). */
const outcome = (f: () => unknown) => {
  try {
    return value(f())
  } catch {
    return 'throws'
  }
}

describe('the calendar localizer', () => {
  const all = dates()
  it('runs in a zone with daylight saving time', () => expect(new Date(2026, 2, 9).getTimezoneOffset()).not.toBe(new Date(2026, 2, 7).getTimezoneOffset()))
  it.each(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'diff'])('%s answers as the library does', (name) => {
    for (const unit of [undefined, 'day', 'minutes', 'month'])
      for (const a of all) for (const b of all) expect([name, unit, a, b, fast[name]!(a, b, unit)]).toEqual([name, unit, a, b, generic[name]!(a, b, unit)])
  })
  it('add, ceil, min, max, daySpan and startOf answer as the library does', () => {
    for (const a of all) {
      for (const unit of ['day', 'minutes', 'hours', 'month'])
        for (const n of [-1, 0, 1, 7, 30]) expect(value(fast.add!(a, n, unit))).toBe(value(generic.add!(a, n, unit)))
      for (const unit of ['day', 'month']) expect(value(fast.ceil!(a, unit))).toBe(value(generic.ceil!(a, unit)))
      for (const unit of ['day', 'minutes']) expect(value(fast.startOf!(a, unit))).toBe(value(generic.startOf!(a, unit)))
      for (const b of all) {
        expect(value(fast.min!(a, b))).toBe(value(generic.min!(a, b)))
        expect(value(fast.max!(a, b))).toBe(value(generic.max!(a, b)))
        expect(fast.daySpan!(a, b)).toBe(generic.daySpan!(a, b))
        expect(fast.isSameDate!(a, b)).toBe(generic.isSameDate!(a, b))
        expect(fast.continuesPrior!(a, b)).toBe(generic.continuesPrior!(a, b))
        for (const c of all.slice(0, 12)) expect(fast.continuesAfter!(a, b, c)).toBe(generic.continuesAfter!(a, b, c))
      }
    }
  })
  it('answers about "no date" as the library does (a file dragged over the calendar has no event)', () => {
    const d = all[4]!
    for (const x of [undefined, null])
      for (const [a, b] of [
        [x, d],
        [d, x],
        [x, x],
      ]) {
        // (The library asks min and max of two dates only.)
        for (const name of ['min', 'max', 'daySpan', 'isSameDate', 'continuesPrior'])
          expect(outcome(() => fast[name]!(a, b))).toEqual(outcome(() => generic[name]!(a, b)))
        for (const name of ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'diff'])
          for (const unit of [undefined, 'day', 'minutes']) expect(outcome(() => fast[name]!(a, b, unit))).toEqual(outcome(() => generic[name]!(a, b, unit)))
        for (const unit of ['day', 'minutes']) {
          expect(outcome(() => fast.add!(a, 1, unit))).toEqual(outcome(() => generic.add!(a, 1, unit)))
          expect(outcome(() => fast.startOf!(a ?? d, unit))).toEqual(outcome(() => generic.startOf!(a ?? d, unit)))
        }
        expect(outcome(() => fast.ceil!(a, 'day'))).toEqual(outcome(() => generic.ceil!(a, 'day')))
        expect(outcome(() => fast.continuesAfter!(a, b, d))).toEqual(outcome(() => generic.continuesAfter!(a, b, d)))
        const evtA = { start: a, end: b, allDay: false }
        const evtB = { start: d, end: d, allDay: false }
        expect(outcome(() => fast.sortEvents!({ evtA, evtB }))).toEqual(outcome(() => generic.sortEvents!({ evtA, evtB })))
        expect(outcome(() => fast.inEventRange!({ event: evtA, range: { start: d, end: d } }))).toEqual(
          outcome(() => generic.inEventRange!({ event: evtA, range: { start: d, end: d } })),
        )
      }
  })
  it('sorts and ranges events as the library does', () => {
    const events = all.flatMap((start, i) => [
      { start, end: all[(i * 7) % all.length]!, allDay: i % 3 === 0 },
      { start, end: start, allDay: false },
    ])
    for (const evtA of events)
      for (const evtB of events) {
        expect(Math.sign(fast.sortEvents!({ evtA, evtB }) as number)).toBe(Math.sign(generic.sortEvents!({ evtA, evtB }) as number))
        const range = { start: evtA.start, end: evtB.start }
        expect(fast.inEventRange!({ event: evtB, range })).toBe(generic.inEventRange!({ event: evtB, range }))
      }
  })
})
