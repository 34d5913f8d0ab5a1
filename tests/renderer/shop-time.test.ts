/**
 * Wall dates (renderer/src/shared/time/shop-time.ts): the calendar lays out local `Date`s whose
 * fields read the shop's clock, whatever zone the computer is in.
 */
import { describe, expect, it } from 'vitest'
import {
  addDays,
  dayToWall,
  formatBooking,
  formatDay,
  fromWall,
  minutesOf,
  toWall,
  wallAt,
  wallToDay,
  wallToTime,
} from '../../renderer/src/shared/time/shop-time'

describe('wall dates', () => {
  it("show a stored instant at the shop's hour and bring a picked time back to the same instant", () => {
    const wall = toWall('2026-03-10T13:00:00.000Z', 'America/New_York')
    expect([wallToDay(wall), wallToTime(wall)]).toEqual(['2026-03-10', '09:00'])
    expect(fromWall(wall, 'America/New_York')).toBe('2026-03-10T13:00:00.000Z')
    // 09:00 at the shop in Los Angeles, picked from anywhere.
    expect(fromWall(wallAt('2026-03-10', '09:00'), 'America/Los_Angeles')).toBe('2026-03-10T16:00:00.000Z')
  })

  it('keep 08:00 at 08:00 on both sides of a DST change', () => {
    expect(fromWall(wallAt('2026-03-07', '08:00'), 'America/New_York')).toBe('2026-03-07T13:00:00.000Z')
    expect(fromWall(wallAt('2026-03-09', '08:00'), 'America/New_York')).toBe('2026-03-09T12:00:00.000Z')
  })

  it("read the shop's clock right on both sides of a change of offset, in whole, half and three-quarter hour zones", () => {
    const at = (instant: string, zone: string) => {
      const w = toWall(instant, zone)
      return `${wallToDay(w)} ${wallToTime(w)}`
    }
    // New York springs forward at 2:00 EST (07:00Z) on 2026-03-08: 1:59 is followed by 3:00.
    expect(at('2026-03-08T06:59:00.000Z', 'America/New_York')).toBe('2026-03-08 01:59')
    expect(at('2026-03-08T07:00:00.000Z', 'America/New_York')).toBe('2026-03-08 03:00')
    // Falls back at 2:00 EDT (06:00Z) on 2026-11-01: 1:59 EDT, then 1:00 EST.
    expect(at('2026-11-01T05:59:00.000Z', 'America/New_York')).toBe('2026-11-01 01:59')
    expect(at('2026-11-01T06:00:00.000Z', 'America/New_York')).toBe('2026-11-01 01:00')
    expect(at('2026-03-10T13:07:00.000Z', 'Asia/Kolkata')).toBe('2026-03-10 18:37')
    expect(at('2026-03-10T13:07:00.000Z', 'Asia/Kathmandu')).toBe('2026-03-10 18:52')
    // Lord Howe moves by half an hour: 2:00 daylight time (15:00Z) becomes 1:30 on 2026-04-05.
    expect(at('2026-04-04T14:59:00.000Z', 'Australia/Lord_Howe')).toBe('2026-04-05 01:59')
    expect(at('2026-04-04T15:00:00.000Z', 'Australia/Lord_Howe')).toBe('2026-04-05 01:30')
  })

  it('do calendar-day arithmetic without a zone', () => {
    expect(wallToDay(dayToWall('2026-02-28'))).toBe('2026-02-28')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(minutesOf('08:30')).toBe(510)
  })

  it('say bookings and days as the desk reads them', () => {
    expect(formatBooking('2026-03-10T13:00:00.000Z', '2026-03-10T14:00:00.000Z', 'America/New_York')).toBe('Tue, Mar 10, 2026, 9:00 AM – 10:00 AM')
    expect(formatDay('2026-03-10')).toBe('Tue, Mar 10, 2026')
  })
})
