import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'

describe('settings', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore({ timeZone: 'America/New_York' })))
  afterEach(() => core.dispose())

  it("starts with DESIGN.md's defaults", async () => {
    const s = await core.ok('settings.get', {})
    expect(s).toMatchObject({
      timeZone: 'America/New_York',
      inspectionIntervalMonths: 4,
      horizonMonths: 12,
      autoSchedule: true,
      remindersEnabled: true,
      reminderDaysBefore: 3,
      missedGraceDays: 1,
    })
  })

  it('updates only the fields given and refuses an unknown time zone', async () => {
    const s = await core.ok('settings.update', { shopName: 'Main St Garage', horizonMonths: 6 })
    expect(s).toMatchObject({ shopName: 'Main St Garage', horizonMonths: 6, inspectionIntervalMonths: 4 })
    const err = await core.refused('settings.update', { timeZone: 'Mars/Olympus' })
    expect(err.code).toBe('invalid_input')
    expect((await core.ok('settings.get', {})).timeZone).toBe('America/New_York')
  })
})

describe('shop hours', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('default to Mon–Fri 08:00–17:00, Sat 08:00–12:00, Sun closed', async () => {
    const hours = await core.ok('hours.get', {})
    expect(hours[0]).toEqual({ weekday: 0, opens: null, closes: null })
    expect(hours[1]).toEqual({ weekday: 1, opens: '08:00', closes: '17:00' })
    expect(hours[6]).toEqual({ weekday: 6, opens: '08:00', closes: '12:00' })
  })

  it('replaces the week, refusing a repeated weekday or closing before opening', async () => {
    const week = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '07:30', closes: '18:00' }))
    const saved = await core.ok('hours.set', { days: week })
    expect(saved[0]).toEqual({ weekday: 0, opens: '07:30', closes: '18:00' })

    const repeated = week.map((d, i) => (i === 6 ? { ...d, weekday: 5 } : d))
    expect((await core.refused('hours.set', { days: repeated })).issues?.[0]?.path).toBe('days.6.weekday')
    const backwards = week.map((d, i) => (i === 1 ? { ...d, opens: '18:00', closes: '07:00' } : d))
    expect((await core.refused('hours.set', { days: backwards })).code).toBe('invalid_input')
    expect((await core.ok('hours.get', {}))[1]).toEqual({ weekday: 1, opens: '07:30', closes: '18:00' })
  })
})
