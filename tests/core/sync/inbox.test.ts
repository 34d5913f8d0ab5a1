import { afterEach, describe, expect, it } from 'vitest'
import { SHOP_CAL, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

/** The activity's live event on the shop calendar. */
const remoteOf = (s: SyncShop, activityId: number) =>
  s.fake.events(SHOP_CAL).find((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(activityId))!

describe('sync.inbox: what came back from the calendars', () => {
  it('lists a move and a delete with the booking before and after, newest first, until they are marked seen (logged)', async () => {
    shop = await syncShop()
    const moved = await shop.book(ny('2025-03-10T09:00:00'))
    const deleted = await shop.book(ny('2025-03-11T09:00:00'), { vehicleId: shop.otherVehicleId })
    await shop.syncNow()
    expect(await shop.ok('sync.inbox', {})).toEqual({ items: [], unseen: 0, openClashes: 0 })

    shop.fake.external.move(SHOP_CAL, remoteOf(shop, moved.id).id, ny('2025-03-12T14:00:00'), ny('2025-03-12T15:00:00'))
    shop.fake.external.delete(SHOP_CAL, remoteOf(shop, deleted.id).id)
    shop.setNow('2025-03-05T16:00:00Z')
    await shop.syncNow()

    const inbox = await shop.ok('sync.inbox', {})
    expect(inbox.unseen).toBe(2)
    expect(inbox.openClashes).toBe(0)
    const byActivity = new Map(inbox.items.map((i) => [i.activityId, i]))
    expect(byActivity.get(moved.id)).toMatchObject({
      kind: 'moved',
      at: '2025-03-05T16:00:00.000Z',
      calendarSummary: 'Shop bookings',
      accountEmail: 'shop.owner@example.com',
      provider: 'google',
      activity: { vehicleLabel: '2019 Honda Civic', licensePlate: 'ABC123', typeName: 'Oil change', start: ny('2025-03-12T14:00:00'), status: 'scheduled' },
      before: { start: ny('2025-03-10T09:00:00'), end: ny('2025-03-10T10:00:00') },
      after: { start: ny('2025-03-12T14:00:00'), end: ny('2025-03-12T15:00:00') },
      clash: null,
      seenAt: null,
    })
    expect(byActivity.get(deleted.id)).toMatchObject({
      kind: 'deleted',
      activity: { vehicleLabel: '2020 Ford Transit', start: null },
      before: { start: ny('2025-03-11T09:00:00'), end: ny('2025-03-11T10:00:00') },
      after: null,
    })

    // Seen: one item, then the rest; each logged, the list keeps them (seen) unless asked for the unseen only.
    const movedItem = byActivity.get(moved.id)!
    const afterOne = await shop.ok('sync.inboxSeen', { ids: [movedItem.id] })
    expect(afterOne.unseen).toBe(1)
    expect(afterOne.items.find((i) => i.id === movedItem.id)!.seenAt).toBe('2025-03-05T16:00:00.000Z')
    expect((await shop.ok('sync.inbox', { show: 'unseen' })).items.map((i) => i.activityId)).toEqual([deleted.id])
    const [seenLog] = await shop.ok('sync.log', { limit: 1 })
    expect(seenLog).toMatchObject({ kind: 'seen', activityId: moved.id, message: 'Marked a change from the calendar as seen' })
    expect((await shop.ok('sync.inboxSeen', { all: true })).unseen).toBe(0)
    expect((await shop.ok('sync.inbox', { show: 'unseen' })).items).toEqual([])
    // Seeing nothing new writes no log line.
    const logBefore = await shop.ok('sync.log', { limit: 500 })
    await shop.ok('sync.inboxSeen', { all: true })
    expect(await shop.ok('sync.log', { limit: 500 })).toHaveLength(logBefore.length)
  })

  it('refuses an unknown item, and a request that names nothing', async () => {
    shop = await syncShop()
    expect(await shop.refused('sync.inboxSeen', { ids: [999] })).toMatchObject({ code: 'not_found' })
    expect(await shop.refused('sync.inboxSeen', {})).toMatchObject({ code: 'invalid_input' })
  })

  it('a clash waits in the inbox; take theirs (once it fits) moves the booking; keep ours puts our time back on the calendar', async () => {
    shop = await syncShop()
    const first = await shop.book(ny('2025-03-10T09:00:00'))
    const second = await shop.book(ny('2025-03-10T11:00:00'))
    const third = await shop.book(ny('2025-03-11T11:00:00'))
    await shop.syncNow()
    // Both moved onto the first's time in Bay 1.
    shop.fake.external.move(SHOP_CAL, remoteOf(shop, second.id).id, ny('2025-03-10T09:30:00'), ny('2025-03-10T10:30:00'))
    shop.fake.external.move(SHOP_CAL, remoteOf(shop, third.id).id, ny('2025-03-10T09:00:00'), ny('2025-03-10T10:00:00'))
    await shop.syncNow()
    const inbox = await shop.ok('sync.inbox', {})
    expect(inbox.openClashes).toBe(2)
    const clashOf = (id: number) => inbox.items.find((i) => i.activityId === id)!
    expect(clashOf(second.id)).toMatchObject({
      kind: 'clash',
      before: { start: ny('2025-03-10T11:00:00') },
      after: { start: ny('2025-03-10T09:30:00'), end: ny('2025-03-10T10:30:00') },
      clash: { resolution: null, resolvedAt: null },
    })
    expect(clashOf(second.id).clash!.reason).toMatch(/Bay 1 is booked/)
    // Marked seen, an undecided clash is still listed among the unseen: it waits for a decision.
    await shop.ok('sync.inboxSeen', { ids: [clashOf(second.id).id] })
    expect((await shop.ok('sync.inbox', { show: 'unseen' })).items.map((i) => i.activityId).sort()).toEqual([second.id, third.id].sort())

    // Keep ours for the third: the calendar gets 11:00 back on the next round; the item is decided and seen.
    await shop.ok('sync.resolveConflict', { id: clashOf(third.id).clash!.conflictId, resolution: 'keep_ours' })
    await shop.syncNow()
    expect(new Date(remoteOf(shop, third.id).start!.dateTime!).toISOString()).toBe(ny('2025-03-11T11:00:00'))
    // The first moves out of the way: take theirs for the second now fits.
    await shop.ok('activities.book', {
      id: first.id,
      version: (await shop.ok('activities.get', { id: first.id })).version,
      start: ny('2025-03-10T13:00:00'),
      bayId: shop.bay1,
    })
    await shop.ok('sync.resolveConflict', { id: clashOf(second.id).clash!.conflictId, resolution: 'take_theirs' })
    expect((await shop.ok('activities.get', { id: second.id })).start).toBe(ny('2025-03-10T09:30:00'))

    const after = await shop.ok('sync.inbox', {})
    expect(after.openClashes).toBe(0)
    expect(after.unseen).toBe(0)
    expect(after.items.find((i) => i.activityId === third.id)!.clash).toMatchObject({ resolution: 'keep_ours' })
    expect(after.items.find((i) => i.activityId === second.id)!.clash).toMatchObject({ resolution: 'take_theirs' })
    // Taking theirs is the clash's outcome, not another "moved" item.
    expect(after.items.filter((i) => i.activityId === second.id)).toHaveLength(1)
    await shop.syncNow()
    expect(new Date(remoteOf(shop, second.id).start!.dateTime!).toISOString()).toBe(ny('2025-03-10T09:30:00'))
  })
})

describe('the sync log names every push', () => {
  it('logs "updated" for a change sent to a calendar, beside "created" and "deleted"', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    const booked = await shop.ok('activities.get', { id: work.id })
    await shop.ok('activities.book', { id: work.id, version: booked.version, start: ny('2025-03-10T13:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    const moved = await shop.ok('activities.get', { id: work.id })
    await shop.ok('activities.unbook', { id: work.id, version: moved.version })
    await shop.syncNow()
    const pushes = (await shop.ok('sync.log', { limit: 50 })).filter((e) => e.activityId === work.id).map((e) => [e.kind, e.message])
    expect(pushes.reverse()).toEqual([
      ['created', 'Created the event on Shop bookings'],
      ['updated', 'Updated the event on Shop bookings'],
      ['deleted', 'Removed the event from Shop bookings'],
    ])
  })
})

describe('an account left "Connecting" by a closed app', () => {
  it('can be cancelled when no browser flow waits any more: a first connection goes, logged', async () => {
    shop = await syncShop({ bare: true })
    const started = await shop.ok('sync.connect', {})
    // The app closes while the browser is still out; it opens again with the account "connecting".
    await shop.restart()
    const [stuck] = await shop.ok('sync.accounts', {})
    expect(stuck).toMatchObject({ id: started.accountId, status: 'connecting' })
    expect(await shop.ok('sync.cancelConnect', { accountId: started.accountId })).toEqual([])
    expect((await shop.ok('sync.log', { limit: 1 }))[0]).toMatchObject({ kind: 'connect_failed', accountId: started.accountId })
  })

  it('can be connected again in place', async () => {
    shop = await syncShop({ bare: true })
    const started = await shop.ok('sync.connect', {})
    await shop.restart()
    expect(await shop.connect(started.accountId)).toBe(started.accountId)
    expect(await shop.ok('sync.accounts', {})).toEqual([
      expect.objectContaining({ id: started.accountId, status: 'connected', email: 'shop.owner@example.com' }),
    ])
  })
})
