import { afterEach, describe, expect, it } from 'vitest'
import type { StaffNotice } from '../../../shared/domain/email'
import { NOTICES_SERVICE, type NoticesService } from '../../../electron/core/notices/service'
import { graphCalls, ny, outlookShop, type OutlookShop } from './outlook-harness'

let shop: OutlookShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

const linkOf = (s: OutlookShop, activityId: number) => s.core.db.selectFrom('sync_links').selectAll().where('activity_id', '=', activityId).executeTakeFirst()
const remoteOf = async (s: OutlookShop, activityId: number) => {
  const link = await linkOf(s, activityId)
  return s.fake.events(s.shopCal).find((e) => e.immutableId === link?.remote_id)
}
const startOf = (ev: Record<string, unknown> | undefined) => new Date(`${(ev!['start'] as { dateTime: string }).dateTime}Z`).toISOString()

describe('Outlook: the desk, both-sided changes, deletes', () => {
  it('the desk is told when Outlook moves or deletes a booking: once each, not again after a restart', async () => {
    shop = await outlookShop()
    const moved = await shop.book(ny('2025-03-10T09:00:00'))
    const deleted = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.book(ny('2025-03-11T09:00:00'))
    await shop.book(ny('2025-03-12T09:00:00'))
    await shop.syncNow()
    const seen: StaffNotice[] = []
    const listen = (s: OutlookShop) => s.core.events.on('notice', (n) => seen.push(n))
    const checkNow = (s: OutlookShop) => s.core.services.get<NoticesService>(NOTICES_SERVICE)!.checkNow()
    listen(shop)
    shop.fake.external.move((await remoteOf(shop, moved.id))!.id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
    shop.fake.external.delete((await remoteOf(shop, deleted.id))!.id)
    await shop.syncNow()
    await checkNow(shop)
    const told = seen.map((n) => [n.kind, n.activityId, n.title]).sort((a, b) => Number(a[1]) - Number(b[1]))
    expect(told).toEqual([
      ['calendar_moved', moved.id, 'Moved in Outlook: Oil change'],
      ['calendar_unbooked', deleted.id, 'Deleted in Outlook: Oil change'],
    ])
    await shop.syncNow()
    await checkNow(shop)
    await shop.restart()
    listen(shop)
    await checkNow(shop)
    expect(seen).toHaveLength(2)
  })

  describe('changed on both sides before a round: the later change (lastModifiedDateTime) wins, logged', () => {
    async function bothMoved(theirsAt: string, oursAt: string) {
      shop = await outlookShop()
      const s = shop
      const work = await s.book(ny('2025-03-10T09:00:00'))
      await s.syncNow()
      const theirs = async () => {
        s.setNow(theirsAt) // the fake's clock follows the shop's in this harness
        s.fake.external.move((await remoteOf(s, work.id))!.id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
      }
      const ours = async () => {
        s.setNow(oursAt)
        const current = await s.ok('activities.get', { id: work.id })
        await s.ok('activities.book', { id: work.id, version: current.version, start: ny('2025-03-12T10:00:00'), bayId: s.bay1 })
      }
      if (theirsAt < oursAt) {
        await theirs()
        await ours()
      } else {
        await ours()
        await theirs()
      }
      const round = await s.syncNow()
      return {
        round,
        remoteStart: startOf(await remoteOf(s, work.id)),
        local: (await s.ok('activities.get', { id: work.id })).start,
        log: (await s.ok('sync.log', {})).map((e) => e.message),
      }
    }

    it("the shop's change is later: it stands and overwrites the calendar", async () => {
      const r = await bothMoved('2025-03-05T15:10:00Z', '2025-03-05T15:20:00Z')
      expect(r.local).toBe(ny('2025-03-12T10:00:00'))
      expect(r.remoteStart).toBe(ny('2025-03-12T10:00:00'))
      expect(r.round.pulled.moved).toBe(0)
      expect(r.log.join('\n')).toMatch(/the shop's change is later and stands/)
    })

    it("Outlook's change is later: the booking takes its time, nothing older is pushed back", async () => {
      const r = await bothMoved('2025-03-05T15:30:00Z', '2025-03-05T15:20:00Z')
      expect(r.local).toBe(ny('2025-03-11T14:00:00'))
      expect(r.remoteStart).toBe(ny('2025-03-11T14:00:00'))
      expect(r.round.pulled.moved).toBe(1)
    })
  })

  it('a DELETE answered 404 (already gone there) is done; a cancelled booking edited there is still deleted (412 → unconditional DELETE)', async () => {
    shop = await outlookShop()
    const a = await shop.book(ny('2025-03-10T09:00:00'))
    const b = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    await shop.ok('activities.cancel', { id: a.id, version: a.version, reason: 'Sold' })
    await shop.ok('activities.cancel', { id: b.id, version: b.version, reason: 'Sold' })
    shop.fake.fault({ match: { method: 'DELETE', pathRegex: '/events/', nth: 1, times: 1 }, respond: { status: 404 } })
    shop.fake.fault({ match: { method: 'DELETE', pathRegex: '/events/', nth: 1, times: 1 }, respond: { status: 412 } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.deleted).toBe(2)
    expect(
      graphCalls(shop.fake, 'DELETE', /events\//)
        .map((r) => r.status)
        .sort(),
    ).toEqual([204, 404, 412])
    expect(await shop.core.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    expect((await shop.core.db.selectFrom('sync_links').select('state').execute()).map((l) => l.state)).toEqual(['deleted', 'deleted'])
  })
})

describe('Outlook: unbooked due work as all-day events (opt-in)', () => {
  it('an all-day, free marker on the due day; booked it becomes the booking (same event); unbooked it comes back; moved there it changes nothing', async () => {
    shop = await outlookShop()
    const booked0 = await shop.book(ny('2025-03-12T09:00:00'))
    const work = await shop.ok('activities.unbook', { id: booked0.id, version: booked0.version })
    await shop.ok('sync.setDueDatesAllDay', { enabled: true })
    await shop.syncNow()
    const marker = await remoteOf(shop, work.id)
    expect(marker).toMatchObject({ isAllDay: true, showAs: 'free', subject: 'Due: Oil change · 2019 Honda Civic (ABC123)' })
    expect(marker!['start']).toMatchObject({ dateTime: '2025-03-12T00:00:00.0000000' })
    expect(marker!['end']).toMatchObject({ dateTime: '2025-03-13T00:00:00.0000000' })
    // Read back: a date, not shifted; nothing to do.
    const again = await shop.syncNow()
    expect(again.pulled).toMatchObject({ moved: 0, conflicts: 0 })
    expect(again.pushed).toMatchObject({ created: 0, updated: 0 })

    const booked = await shop.ok('activities.book', { id: work.id, version: work.version, start: ny('2025-03-13T10:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    const asBooking = await remoteOf(shop, work.id)
    expect(asBooking!.immutableId).toBe(marker!.immutableId)
    expect(asBooking).toMatchObject({ isAllDay: false, showAs: 'busy' })
    expect(startOf(asBooking)).toBe(ny('2025-03-13T10:00:00'))

    const unbooked = await shop.ok('activities.unbook', { id: work.id, version: booked.version })
    await shop.syncNow()
    const back = await remoteOf(shop, work.id)
    expect(back).toMatchObject({ isAllDay: true })
    expect(back!['start']).toMatchObject({ dateTime: `${unbooked.dueDate}T00:00:00.0000000` })
    shop.fake.external.move(back!.id, '2025-03-20T00:00:00.000Z', '2025-03-21T00:00:00.000Z')
    const moved = await shop.syncNow()
    expect(moved.pulled).toMatchObject({ moved: 0, conflicts: 0 })
    expect(await shop.ok('activities.get', { id: work.id })).toMatchObject({ dueDate: unbooked.dueDate, start: null })

    await shop.ok('sync.setDueDatesAllDay', { enabled: false })
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toEqual([])
  })

  it('a marker deleted in Outlook stays deleted (the work stays unbooked) until the work is booked', async () => {
    shop = await outlookShop()
    const b = await shop.book(ny('2025-03-12T09:00:00'))
    const work = await shop.ok('activities.unbook', { id: b.id, version: b.version })
    await shop.ok('sync.setDueDatesAllDay', { enabled: true })
    await shop.syncNow()
    shop.fake.external.delete((await remoteOf(shop, work.id))!.id)
    const round = await shop.syncNow()
    expect(round.pulled.unbooked).toBe(0)
    expect(await shop.ok('activities.get', { id: work.id })).toMatchObject({ dueDate: work.dueDate, start: null, status: 'scheduled' })
    const v = await shop.ok('vehicles.get', { id: shop.vehicleId })
    await shop.ok('vehicles.update', {
      id: v.id,
      customerId: v.customerId,
      vin: v.vin,
      make: v.make,
      model: v.model,
      year: v.year,
      onboardingDate: v.onboardingDate,
      licensePlate: 'XYZ 987',
    })
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toEqual([])
    const current = await shop.ok('activities.get', { id: work.id })
    await shop.ok('activities.book', { id: work.id, version: current.version, start: ny('2025-03-14T09:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal).map((e) => startOf(e))).toEqual([ny('2025-03-14T09:00:00')])
  })
})
