import { afterEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'
import { openShop, planned, type Shop } from './fixture'

describe('missed marking', () => {
  let shop: Shop
  let reopened: TestCore | undefined
  afterEach(async () => {
    await reopened?.close()
    await shop.core.dispose()
    reopened = undefined
  })

  it('marks unstarted work at start once its day plus the grace has passed', async () => {
    shop = await openShop({ now: '2025-03-05T15:00:00Z' })
    const { core } = shop
    const due = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const old = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-03' })
    await core.close()
    // Reopen the same file two days later: the start-up check marks what is past its grace.
    reopened = await testCore({ dbPath: core.dbPath, now: '2025-03-05T15:00:00Z', timeZone: 'America/New_York' })
    expect((await reopened.ok('activities.get', { id: old.id })).status).toBe('missed')
    // Due yesterday, grace 1 day: still open today.
    expect((await reopened.ok('activities.get', { id: due.id })).status).toBe('scheduled')
    const [entry] = await reopened.ok('activities.history', { id: old.id })
    expect(entry).toMatchObject({ action: 'missed', actor: 'system', changes: { status: ['scheduled', 'missed'] } })
  })

  it('marks at a day change in the shop time zone, by booked day when booked, respecting the grace setting', async () => {
    shop = await openShop({ now: '2025-03-04T15:00:00Z' })
    const { core } = shop
    await core.ok('settings.update', { missedGraceDays: 2 })
    const unbooked = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const toBook = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-10' })
    await core.ok('activities.book', { id: toBook.id, version: toBook.version, start: '2025-03-04T20:00:00Z' })
    const started = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    await core.ok('activities.start', { id: started.id, version: started.version })

    // 2025-03-07 00:30 in New York is 05:30Z: day + 2 days of grace is not over yet on the 6th.
    core.setNow('2025-03-07T04:30:00Z') // still the 6th in New York
    expect(await core.background.checkDayChange()).toBe(0)
    core.setNow('2025-03-07T05:30:00Z') // the 7th in New York
    expect(await core.background.checkDayChange()).toBe(2)
    expect((await core.ok('activities.get', { id: unbooked.id })).status).toBe('missed')
    expect((await core.ok('activities.get', { id: toBook.id })).status).toBe('missed')
    expect((await core.ok('activities.get', { id: started.id })).status).toBe('in_progress')
    // The same day again does nothing more.
    expect(await core.background.checkDayChange()).toBe(0)
  })

  it('tells open screens when it marked something', async () => {
    shop = await openShop({ now: '2025-03-04T15:00:00Z' })
    const { core } = shop
    await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-03' })
    const seen: string[][] = []
    const off = core.events.on('changed', (e) => seen.push(e.domains))
    core.setNow('2025-03-05T15:00:00Z')
    await core.background.checkDayChange()
    off()
    expect(seen).toContainEqual(['activities'])
  })
})
