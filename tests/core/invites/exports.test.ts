import { afterEach, describe, expect, test } from 'vitest'
import type { ProgressEvent } from '../../../shared/contract'
import { ICAL, SHOP, addActivity, makeShop, parseCalendar, text, wallClock, type Shop } from './fixtures'
import { testVin } from '../../helpers/core'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

const events = (content: string) => parseCalendar(content).events.map((v) => ({ v, e: new ICAL.Event(v) }))

async function secondVehicle(s: Shop): Promise<number> {
  const owner = await s.core.ok('customers.create', { name: 'Sam Lee', email: null })
  const v = await s.core.ok('vehicles.create', {
    customerId: owner.id,
    vin: testVin(2),
    make: 'Ford',
    model: 'Transit',
    year: 2021,
    licensePlate: 'FLEET 7',
    onboardingDate: '2025-01-01',
  })
  return v.id
}

describe("one vehicle's upcoming schedule", () => {
  test('is one calendar with its upcoming activities only, each with its invite UID and SEQUENCE', async () => {
    shop = await makeShop({ now: '2025-03-05T15:00:00Z' })
    const past = await addActivity(shop, { due: '2025-03-04', start: '2025-03-04T13:00:00.000Z', end: '2025-03-04T14:00:00.000Z' })
    const booked = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    const unbooked = await addActivity(shop, { due: '2025-04-01' })
    const today = await addActivity(shop, { due: '2025-03-05' })
    await addActivity(shop, { due: '2025-03-12', status: 'cancelled' })
    await addActivity(shop, { due: '2025-03-13', start: '2025-03-13T13:00:00.000Z', end: '2025-03-13T14:00:00.000Z', status: 'completed' })
    const other = await secondVehicle(shop)
    await addActivity(shop, { due: '2025-03-20', vehicleId: other })
    const invite = await shop.core.ok('invites.export', { activityId: booked })

    const file = await shop.core.ok('invites.exportVehicle', { vehicleId: shop.vehicleId })
    const parsed = parseCalendar(file.content)
    expect(parsed.method).toBeNull() // a calendar to import, not a request to answer
    expect(text(parsed.calendar, 'x-wr-calname')).toBe('Toyota Corolla (ABC 123): service schedule')
    expect(file.filename).toBe('schedule-toyota-corolla-abc-123.ics')
    expect(file.eventCount).toBe(3)
    expect(file.warnings).toEqual([])
    const list = events(file.content)
    expect(list.map(({ e }) => e.uid)).toEqual([today, booked, unbooked].map((id) => expect.stringMatching(`^activity-${id}\\.`)))
    expect(list.some(({ e }) => e.uid.startsWith(`activity-${past}.`))).toBe(false)
    const bookedEvent = list[1]!.e
    expect(bookedEvent.uid).toBe(invite.uid)
    expect(bookedEvent.sequence).toBe(invite.sequence)
    expect(list[0]!.e.startDate.isDate).toBe(true)
    expect(list[2]!.e.endDate.toString()).toBe('2025-04-02')
    for (const { v, e } of list) {
      expect(e.summary).toContain('Toyota Corolla (ABC 123)')
      expect(e.location).toBe(SHOP.address)
      // A calendar to import, not a meeting: no organizer, no attendee asked to answer.
      expect(v.getFirstProperty('organizer')).toBeNull()
      expect(e.attendees).toHaveLength(0)
      expect(v.getFirstPropertyValue('dtstamp')).not.toBeNull()
      expect(v.getAllSubcomponents('valarm')).toHaveLength(1)
    }
  })

  test('a customer without email still gets a full file, with nothing to warn about', async () => {
    shop = await makeShop({ customerEmail: null })
    await addActivity(shop, { due: '2025-03-10' })
    const file = await shop.core.ok('invites.exportVehicle', { vehicleId: shop.vehicleId })
    expect(events(file.content)).toHaveLength(1)
    expect(file.warnings).toEqual([])
  })

  test('an empty schedule says so', async () => {
    shop = await makeShop()
    const file = await shop.core.ok('invites.exportVehicle', { vehicleId: shop.vehicleId })
    expect(file.eventCount).toBe(0)
    expect(file.warnings).toEqual(['Nothing to export: the file holds no events.'])
  })
})

describe('a date range for the whole shop', () => {
  test('holds every vehicle, uses shop-local day bounds, and leaves out cancelled work unless asked', async () => {
    const tz = 'America/New_York'
    shop = await makeShop({ now: '2025-03-01T12:00:00Z', timeZone: tz })
    const other = await secondVehicle(shop)
    const firstMinute = await addActivity(shop, { due: '2025-03-10', start: wallClock(tz, 2025, 3, 10, 0, 0), end: wallClock(tz, 2025, 3, 10, 1) })
    const lateOnLastDay = await addActivity(shop, { due: '2025-03-12', start: wallClock(tz, 2025, 3, 12, 23, 30), end: wallClock(tz, 2025, 3, 12, 23, 59) })
    const unbooked = await addActivity(shop, { due: '2025-03-11', vehicleId: other })
    const done = await addActivity(shop, { due: '2025-03-11', start: wallClock(tz, 2025, 3, 11, 9), end: wallClock(tz, 2025, 3, 11, 10), status: 'completed' })
    const cancelled = await addActivity(shop, {
      due: '2025-03-11',
      start: wallClock(tz, 2025, 3, 11, 11),
      end: wallClock(tz, 2025, 3, 11, 12),
      status: 'cancelled',
    })
    // No bay: it overlaps the first minute's booking, which one bay could not hold (PostgreSQL's exclusion constraint refuses it).
    await addActivity(shop, { due: '2025-03-09', start: wallClock(tz, 2025, 3, 9, 23, 59), end: wallClock(tz, 2025, 3, 10, 0, 30), bay: false })
    await addActivity(shop, { due: '2025-03-13', start: wallClock(tz, 2025, 3, 13, 0, 0), end: wallClock(tz, 2025, 3, 13, 1) })
    await addActivity(shop, { due: '2025-03-13' })

    const file = await shop.core.ok('invites.exportRange', { from: '2025-03-10', to: '2025-03-12' })
    const parsed = parseCalendar(file.content)
    expect(parsed.method).toBeNull()
    expect(file.filename).toBe('joe-s-garage-schedule-2025-03-10-to-2025-03-12.ics')
    const uids = parsed.events.map((v) => new ICAL.Event(v).uid)
    const idOf = (uid: string) => Number(/^activity-(\d+)\./.exec(uid)![1])
    expect(uids.map(idOf)).toEqual([firstMinute, unbooked, done, lateOnLastDay])
    expect(file.eventCount).toBe(4)
    // A review file for the manager: nobody in it is invited, so nothing is missing.
    expect(file.warnings).toEqual([])
    expect(parsed.events.every((v) => v.getAllProperties('attendee').length === 0 && !v.getFirstProperty('organizer'))).toBe(true)

    const withCancelled = await shop.core.ok('invites.exportRange', { from: '2025-03-10', to: '2025-03-12', includeCancelled: true })
    const list = events(withCancelled.content)
    expect(list.map(({ e }) => idOf(e.uid))).toEqual([firstMinute, unbooked, done, cancelled, lateOnLastDay])
    const cancelledEvent = list.find(({ e }) => idOf(e.uid) === cancelled)!
    expect(text(cancelledEvent.v, 'status')).toBe('CANCELLED')
    expect(cancelledEvent.e.sequence).toBeGreaterThan(0)
  })

  test('a large range is built in chunks with progress, and stays one valid calendar', async () => {
    shop = await makeShop({ now: '2025-03-01T12:00:00Z', timeZone: 'UTC' })
    const now = shop.core.clock.now().toISOString()
    const n = 450
    const rows = Array.from({ length: n }, (_, i) => {
      const start = new Date(Date.UTC(2025, 3, 1, 8) + i * 3_600_000)
      return {
        vehicle_id: shop!.vehicleId,
        activity_type_id: shop!.typeId,
        origin: 'manual' as const,
        occurrence_key: `bulk:${i}`,
        due_date: start.toISOString().slice(0, 10),
        start_at: i % 3 === 0 ? null : start.toISOString(),
        end_at: i % 3 === 0 ? null : new Date(start.getTime() + 1_800_000).toISOString(),
        created_at: now,
        updated_at: now,
      }
    })
    await shop.core.db.insertInto('activities').values(rows).execute()
    const seen: ProgressEvent[] = []
    const off = shop.core.events.on('progress', (p) => seen.push(p))
    // Counts the turns other work gets while the export runs: it must yield, not hog the loop.
    let turns = 0
    let running = true
    const tick = () => {
      turns++
      if (running) setImmediate(tick)
    }
    setImmediate(tick)

    const file = await shop.core.ok('invites.exportRange', { from: '2025-04-01', to: '2025-06-30', job: 'test-job' })
    running = false
    off()
    expect(turns).toBeGreaterThan(n / 100)
    expect(file.eventCount).toBe(n)
    const list = events(file.content)
    expect(list).toHaveLength(n)
    expect(new Set(list.map(({ e }) => e.uid)).size).toBe(n)
    expect(file.content.match(/BEGIN:VCALENDAR/g)).toHaveLength(1)
    expect(file.content.match(/END:VCALENDAR/g)).toHaveLength(1)
    expect(file.content.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true)

    expect(seen.every((p) => p.job === 'test-job' && p.total === n)).toBe(true)
    expect(seen[0]).toMatchObject({ done: 0, finished: false })
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b))
    expect(seen.at(-1)).toMatchObject({ done: n, finished: true })
    expect(seen.filter((p) => p.finished)).toHaveLength(1)
  })

  test('exporting a range keeps SEQUENCE steady, and a later invite continues from it', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    const seqOf = async () =>
      new ICAL.Event(parseCalendar((await shop!.core.ok('invites.exportRange', { from: '2025-03-01', to: '2025-03-31' })).content).events[0]!).sequence
    expect(await seqOf()).toBe(0)
    expect(await seqOf()).toBe(0)
    await shop.core.db
      .updateTable('activities')
      .set({ start_at: '2025-03-10T15:00:00.000Z', end_at: '2025-03-10T16:00:00.000Z' })
      .where('id', '=', id)
      .execute()
    expect(await seqOf()).toBe(1)
    const invite = await shop.core.ok('invites.export', { activityId: id })
    expect(invite.sequence).toBe(1)
  })
})
