import { describe, expect, it } from 'vitest'
import { addDays, addMonths, compareDates, daysBetween, weekday } from '../../../shared/dates'
import { shopDay } from '../../../shared/shop-day'

describe('calendar date rules', () => {
  it('clamps month arithmetic to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30')
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30')
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28')
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15')
  })

  it('counts from the origin, so a clamped month does not drift later ones', () => {
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31')
    expect(addMonths(addMonths('2025-01-31', 1), 1)).toBe('2025-03-28')
  })

  it('keeps Feb 29 in leap years and clamps it to Feb 28 in others', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01') // not a leap year
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29') // a leap year
  })

  it('adds days across years and counts days between dates', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })

  it('orders dates and names weekdays', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBeLessThan(0)
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0)
    expect(weekday('2025-01-05')).toBe(0)
    expect(weekday('2025-01-04')).toBe(6)
    expect(weekday('1969-12-31')).toBe(3)
  })

  it('tells today in the shop time zone, not in UTC', () => {
    const instant = new Date('2025-01-01T03:00:00Z')
    expect(shopDay(instant, 'UTC')).toBe('2025-01-01')
    expect(shopDay(instant, 'America/New_York')).toBe('2024-12-31')
    expect(shopDay(new Date('2025-06-30T22:30:00Z'), 'Europe/Berlin')).toBe('2025-07-01')
  })
})
