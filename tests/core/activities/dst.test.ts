import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openShop, planned, type Shop } from './fixture'

/**
 * New York moves its clocks from 02:00 EST to 03:00 EDT on Sunday 2025-03-09. Opening time
 * stays 08:00 on the wall, so it is 13:00Z on Friday the 7th and 12:00Z on Monday the 10th.
 */
describe('bookings across the March DST change (America/New_York)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-06T15:00:00Z', timeZone: 'America/New_York' })))
  afterEach(() => shop.core.dispose())

  const create = (start: string) =>
    shop.core.invoke('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start, bayId: shop.bay1 })

  it('checks shop hours against the wall clock on both sides of the change', async () => {
    expect((await create('2025-03-07T13:00:00Z')).ok).toBe(true) // Fri 08:00 EST
    expect((await create('2025-03-07T12:30:00Z')).ok).toBe(false) // Fri 07:30 EST
    expect((await create('2025-03-10T12:00:00Z')).ok).toBe(true) // Mon 08:00 EDT (07:00 by the old offset)
    expect((await create('2025-03-10T11:30:00Z')).ok).toBe(false) // Mon 07:30 EDT
    // Mon 16:00 EDT = 20:00Z fits; 16:30 EDT would end at 17:30 and does not.
    expect((await create('2025-03-10T20:00:00Z')).ok).toBe(true)
    const late = await shop.core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: '2025-03-10T20:30:00Z' })
    expect(late.message).toContain('4:30 PM – 5:30 PM is outside shop hours: Monday 8:00 AM – 5:00 PM')
  })

  it('keeps the wall-clock time when a booking moves across the change', async () => {
    const a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-07' })
    const fri = await shop.core.ok('activities.book', { id: a.id, version: a.version, start: '2025-03-07T09:00:00-05:00', bayId: shop.bay1 })
    expect(fri.start).toBe('2025-03-07T14:00:00.000Z')
    const mon = await shop.core.ok('activities.book', { id: a.id, version: fri.version, start: '2025-03-10T09:00:00-04:00', bayId: shop.bay1 })
    expect(mon).toMatchObject({ start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    // The range puts it on Monday in the shop, by its booked day.
    const monday = await shop.core.ok('activities.range', { from: '2025-03-10', to: '2025-03-10' })
    expect(monday.map((x) => x.id)).toEqual([a.id])
    expect(await shop.core.ok('activities.range', { from: '2025-03-07', to: '2025-03-09' })).toEqual([])
  })

  it('offers free slots at opening time on both sides of the change', async () => {
    const slots = await shop.core.ok('activities.freeSlots', { durationMinutes: 240, from: '2025-03-07', days: 4, bayId: shop.bay1, limit: 100 })
    // Fri 08:00 … 13:00 EST (11 starts); Sat only 08:00 EST (closes at 12:00); Sun closed; Mon from 08:00 EDT.
    const starts = slots.map((s) => s.start)
    expect(starts[0]).toBe('2025-03-07T13:00:00.000Z')
    expect(starts.filter((s) => s.startsWith('2025-03-07')).length).toBe(11)
    expect(starts.filter((s) => s.startsWith('2025-03-08'))).toEqual(['2025-03-08T13:00:00.000Z'])
    expect(starts.filter((s) => s.startsWith('2025-03-09'))).toEqual([])
    expect(starts.find((s) => s.startsWith('2025-03-10'))).toBe('2025-03-10T12:00:00.000Z')
    const monday = await shop.core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-09', days: 2, limit: 1 })
    expect(monday[0]?.start).toBe('2025-03-10T12:00:00.000Z')
  })
})

describe('shop days in a zone ahead of UTC (Asia/Tokyo)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-05T00:00:00Z', timeZone: 'Asia/Tokyo' })))
  afterEach(() => shop.core.dispose())

  it('puts an 08:30 booking on its Tokyo day, though it is the previous day in UTC', async () => {
    const a = await shop.core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: '2025-03-09T23:30:00Z' })
    expect(a.dueDate).toBe('2025-03-10')
    expect((await shop.core.ok('activities.range', { from: '2025-03-10', to: '2025-03-10' })).map((x) => x.id)).toEqual([a.id])
    expect(await shop.core.ok('activities.range', { from: '2025-03-09', to: '2025-03-09' })).toEqual([])
    // 07:30 in Tokyo is before opening, though 22:30Z looks like an evening.
    const early = await shop.core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: '2025-03-09T22:30:00Z' })
    expect(early.code).toBe('conflict')
  })
})
