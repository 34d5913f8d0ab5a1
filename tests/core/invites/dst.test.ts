import { execFileSync } from 'node:child_process'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { afterEach, describe, expect, test } from 'vitest'
import { ICAL, addActivity, makeShop, parseCalendar, wallClock, type Shop } from './fixtures'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

/** How a calendar in `timeZone` shows an instant parsed from the file. */
const shownIn = (t: ICAL.Time, timeZone: string) => format(new TZDate(t.toJSDate().getTime(), timeZone), 'yyyy-MM-dd HH:mm')

// Days on both sides of each change: spring forward and fall back.
const CASES = [
  { timeZone: 'America/New_York', days: ['2025-03-07', '2025-03-10', '2025-10-31', '2025-11-03'] },
  { timeZone: 'Europe/Berlin', days: ['2025-03-28', '2025-03-31', '2025-10-24', '2025-10-27'] },
]

describe.each(CASES)('bookings in $timeZone across its DST changes', ({ timeZone, days }) => {
  test('keep their wall-clock time in the invite and in the range export', async () => {
    shop = await makeShop({ now: '2025-03-01T12:00:00Z', timeZone })
    const ids: number[] = []
    for (const day of days) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number]
      ids.push(await addActivity(shop, { due: day, start: wallClock(timeZone, y, m, d, 9), end: wallClock(timeZone, y, m, d, 10, 30) }))
    }

    const utcHours = new Set<number>()
    for (const [i, id] of ids.entries()) {
      const file = await shop.core.ok('invites.export', { activityId: id })
      const event = new ICAL.Event(parseCalendar(file.content).events[0]!)
      expect(event.startDate.zone?.tzid).toBe('UTC')
      expect(shownIn(event.startDate, timeZone)).toBe(`${days[i]} 09:00`)
      expect(shownIn(event.endDate, timeZone)).toBe(`${days[i]} 10:30`)
      utcHours.add(event.startDate.toJSDate().getUTCHours())
    }
    // The same wall-clock time is two different UTC hours across the change: nothing floats.
    expect(utcHours.size).toBe(2)

    const range = await shop.core.ok('invites.exportRange', { from: '2025-03-01', to: '2025-11-30' })
    const events = parseCalendar(range.content).events.map((v) => new ICAL.Event(v))
    expect(events.map((e) => shownIn(e.startDate, timeZone))).toEqual(days.map((d) => `${d} 09:00`))
  })
})

const hasPythonIcalendar = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import icalendar'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

// CI installs Debian's python3-icalendar (.ci/run) and must run this check; a developer
// machine without it skips only this second opinion (ical.js above still checks every instant).
test.skipIf(!hasPythonIcalendar && !process.env.CI)('an independent second parser (python icalendar) reads the same instants', async () => {
  shop = await makeShop({ timeZone: 'Europe/Berlin' })
  const start = wallClock('Europe/Berlin', 2025, 3, 31, 9)
  const id = await addActivity(shop, { due: '2025-03-31', start, end: wallClock('Europe/Berlin', 2025, 3, 31, 10) })
  const file = await shop.core.ok('invites.export', { activityId: id })
  const script = [
    'import sys, icalendar',
    'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
    'ev = [c for c in cal.walk("VEVENT")][0]',
    'print(cal["METHOD"], ev["SEQUENCE"], ev.decoded("DTSTART").isoformat(), ev["ATTENDEE"].params["RSVP"])',
  ].join('\n')
  const out = execFileSync('/usr/bin/python3', ['-c', script], { input: file.content }).toString().trim()
  expect(out).toBe(`REQUEST 0 ${start.replace('.000Z', '+00:00')} TRUE`)
})
