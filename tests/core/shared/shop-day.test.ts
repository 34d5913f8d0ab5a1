import { describe, expect, it } from 'vitest'
import { shopDay, shopInstant, shopTime, startOfShopDay } from '../../../shared/shop-day'

const iso = (d: Date): string => d.toISOString()

/** Instant -> [day, time] as the shop's clocks read them. */
const at = (instant: string, zone: string): [string, string] => [shopDay(instant, zone), shopTime(instant, zone)]

describe('shopDay / shopTime: which shop day an instant falls on', () => {
  it('reads the day in the zone, not in UTC, for every instant form', () => {
    expect(shopDay('2025-01-01T03:00:00Z', 'America/New_York')).toBe('2024-12-31')
    expect(shopDay(new Date('2025-01-01T03:00:00Z'), 'America/New_York')).toBe('2024-12-31')
    expect(shopDay(Date.parse('2025-01-01T03:00:00Z'), 'America/New_York')).toBe('2024-12-31')
    expect(shopDay('2025-01-01T03:00:00Z', 'UTC')).toBe('2025-01-01')
    expect(shopDay('2025-06-30T22:30:00Z', 'Europe/Berlin')).toBe('2025-07-01')
  })

  it('America/New_York, spring forward (2025-03-09, 02:00 EST -> 03:00 EDT)', () => {
    const zone = 'America/New_York'
    expect(at('2025-03-09T04:59:59Z', zone)).toEqual(['2025-03-08', '23:59'])
    expect(at('2025-03-09T05:00:00Z', zone)).toEqual(['2025-03-09', '00:00'])
    expect(at('2025-03-09T06:59:00Z', zone)).toEqual(['2025-03-09', '01:59'])
    expect(at('2025-03-09T07:00:00Z', zone)).toEqual(['2025-03-09', '03:00'])
    // The next midnight comes an hour sooner in UTC: the day had 23 hours.
    expect(at('2025-03-10T03:59:59Z', zone)).toEqual(['2025-03-09', '23:59'])
    expect(at('2025-03-10T04:00:00Z', zone)).toEqual(['2025-03-10', '00:00'])
  })

  it('America/New_York, fall back (2025-11-02, 02:00 EDT -> 01:00 EST)', () => {
    const zone = 'America/New_York'
    expect(at('2025-11-02T03:59:59Z', zone)).toEqual(['2025-11-01', '23:59'])
    expect(at('2025-11-02T04:00:00Z', zone)).toEqual(['2025-11-02', '00:00'])
    // 01:30 happens twice, both on the same day.
    expect(at('2025-11-02T05:30:00Z', zone)).toEqual(['2025-11-02', '01:30'])
    expect(at('2025-11-02T06:30:00Z', zone)).toEqual(['2025-11-02', '01:30'])
    // The next midnight comes an hour later in UTC: the day had 25 hours.
    expect(at('2025-11-03T04:59:59Z', zone)).toEqual(['2025-11-02', '23:59'])
    expect(at('2025-11-03T05:00:00Z', zone)).toEqual(['2025-11-03', '00:00'])
  })

  it('Europe/Berlin, spring forward (2025-03-30, 02:00 CET -> 03:00 CEST)', () => {
    const zone = 'Europe/Berlin'
    expect(at('2025-03-29T22:59:59Z', zone)).toEqual(['2025-03-29', '23:59'])
    expect(at('2025-03-29T23:00:00Z', zone)).toEqual(['2025-03-30', '00:00'])
    expect(at('2025-03-30T00:59:00Z', zone)).toEqual(['2025-03-30', '01:59'])
    expect(at('2025-03-30T01:00:00Z', zone)).toEqual(['2025-03-30', '03:00'])
    expect(at('2025-03-30T21:59:59Z', zone)).toEqual(['2025-03-30', '23:59'])
    expect(at('2025-03-30T22:00:00Z', zone)).toEqual(['2025-03-31', '00:00'])
  })

  it('Europe/Berlin, fall back (2025-10-26, 03:00 CEST -> 02:00 CET)', () => {
    const zone = 'Europe/Berlin'
    expect(at('2025-10-25T21:59:59Z', zone)).toEqual(['2025-10-25', '23:59'])
    expect(at('2025-10-25T22:00:00Z', zone)).toEqual(['2025-10-26', '00:00'])
    expect(at('2025-10-26T00:30:00Z', zone)).toEqual(['2025-10-26', '02:30'])
    expect(at('2025-10-26T01:30:00Z', zone)).toEqual(['2025-10-26', '02:30'])
    expect(at('2025-10-26T22:59:59Z', zone)).toEqual(['2025-10-26', '23:59'])
    expect(at('2025-10-26T23:00:00Z', zone)).toEqual(['2025-10-27', '00:00'])
  })

  it('half-hour offsets: Asia/Kolkata (+05:30) and Australia/Adelaide (+10:30 -> +09:30 on 2025-04-06)', () => {
    expect(at('2025-01-01T18:29:59Z', 'Asia/Kolkata')).toEqual(['2025-01-01', '23:59'])
    expect(at('2025-01-01T18:30:00Z', 'Asia/Kolkata')).toEqual(['2025-01-02', '00:00'])
    const zone = 'Australia/Adelaide'
    expect(at('2025-04-05T13:29:59Z', zone)).toEqual(['2025-04-05', '23:59'])
    expect(at('2025-04-05T13:30:00Z', zone)).toEqual(['2025-04-06', '00:00'])
    // 03:00 ACDT becomes 02:00 ACST at 16:30 UTC; 02:30 happens twice.
    expect(at('2025-04-05T16:00:00Z', zone)).toEqual(['2025-04-06', '02:30'])
    expect(at('2025-04-05T17:00:00Z', zone)).toEqual(['2025-04-06', '02:30'])
    expect(at('2025-04-06T14:29:59Z', zone)).toEqual(['2025-04-06', '23:59'])
    expect(at('2025-04-06T14:30:00Z', zone)).toEqual(['2025-04-07', '00:00'])
  })

  it('agrees with Intl every 90 minutes (on the hour and the half hour) through a whole year', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Adelaide', 'Asia/Kathmandu']) {
      const intl = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
      for (let ms = Date.parse('2025-01-01T00:00:00Z'); ms < Date.parse('2026-01-01T00:00:00Z'); ms += 90 * 60_000) {
        const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]))
        const expected: [string, string] = [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`]
        if (at(new Date(ms).toISOString(), zone).join() !== expected.join())
          expect([zone, new Date(ms).toISOString(), at(new Date(ms).toISOString(), zone)]).toEqual([zone, new Date(ms).toISOString(), expected])
      }
    }
  })
})

describe('shopInstant / startOfShopDay: when a shop day or wall-clock time begins', () => {
  it('keeps 08:00 at 08:00 on both sides of a change', () => {
    expect(iso(shopInstant('2025-03-07', '08:00', 'America/New_York'))).toBe('2025-03-07T13:00:00.000Z')
    expect(iso(shopInstant('2025-03-10', '08:00', 'America/New_York'))).toBe('2025-03-10T12:00:00.000Z')
    expect(iso(shopInstant('2025-10-24', '08:00', 'Europe/Berlin'))).toBe('2025-10-24T06:00:00.000Z')
    expect(iso(shopInstant('2025-10-27', '08:00', 'Europe/Berlin'))).toBe('2025-10-27T07:00:00.000Z')
    expect(iso(shopInstant('2025-01-02', '09:15', 'Asia/Kolkata'))).toBe('2025-01-02T03:45:00.000Z')
  })

  it('starts DST days 23 and 25 hours apart', () => {
    const hours = (day: string, next: string, zone: string) => (startOfShopDay(next, zone).getTime() - startOfShopDay(day, zone).getTime()) / 3_600_000
    expect(iso(startOfShopDay('2025-03-09', 'America/New_York'))).toBe('2025-03-09T05:00:00.000Z')
    expect(hours('2025-03-09', '2025-03-10', 'America/New_York')).toBe(23)
    expect(hours('2025-11-02', '2025-11-03', 'America/New_York')).toBe(25)
    expect(hours('2025-03-30', '2025-03-31', 'Europe/Berlin')).toBe(23)
    expect(hours('2025-10-26', '2025-10-27', 'Europe/Berlin')).toBe(25)
    expect(hours('2025-04-06', '2025-04-07', 'Australia/Adelaide')).toBe(25)
    expect(iso(startOfShopDay('2025-04-06', 'Australia/Adelaide'))).toBe('2025-04-05T13:30:00.000Z')
  })

  it('moves a time skipped by spring forward one hour on, and reads a repeated time back as itself', () => {
    expect(iso(shopInstant('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z') // 03:30 EDT
    expect(iso(shopInstant('2025-03-30', '02:30', 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z') // 03:30 CEST
    for (const [day, time, zone] of [
      ['2025-11-02', '01:30', 'America/New_York'],
      ['2025-10-26', '02:30', 'Europe/Berlin'],
    ] as const) {
      expect(at(iso(shopInstant(day, time, zone)), zone)).toEqual([day, time])
    }
  })

  it('round-trips the first and last minute of a day through shopDay', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Adelaide']) {
      for (const day of ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-26', '2025-11-02']) {
        const start = startOfShopDay(day, zone)
        expect(shopDay(start, zone)).toBe(day)
        expect(shopDay(new Date(start.getTime() - 1), zone)).not.toBe(day)
      }
    }
  })
})
