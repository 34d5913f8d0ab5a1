import { afterEach, describe, expect, it } from 'vitest'
import type { StaffNotice } from '../../../shared/domain/email'
import { NOTICES_SERVICE, type NoticesService } from '../../../electron/core/notices/service'
import { SHOP_CAL, calls, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

/** The activity's live event on the shop calendar. */
const remoteOf = (s: SyncShop, activityId: number) =>
  s.fake.events(SHOP_CAL).find((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(activityId))!

describe('changes made in Google Calendar come back', () => {
  it('an external move that fits moves the booking, logged, with no echo write', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    const ev = remoteOf(shop, work.id)
    shop.fake.external.move(SHOP_CAL, ev.id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pulled.moved).toBe(1)
    const moved = await shop.ok('activities.get', { id: work.id })
    expect(moved.start).toBe(ny('2025-03-11T14:00:00'))
    const history = await shop.ok('activities.history', { id: work.id })
    expect(JSON.stringify(history)).toMatch(/Moved in Google Calendar/)
    expect(calls(shop.fake, 'PUT', /events/)).toHaveLength(0) // the calendar already shows it: nothing sent back
    expect(calls(shop.fake, 'POST', /events$/)).toHaveLength(0)
  })

  it('an external move that clashes changes nothing and records a conflict; keep ours puts our time back', async () => {
    shop = await syncShop()
    const first = await shop.book(ny('2025-03-10T09:00:00'))
    const second = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    shop.fake.external.move(SHOP_CAL, remoteOf(shop, second.id).id, ny('2025-03-10T09:30:00'), ny('2025-03-10T10:30:00'))
    const round = await shop.syncNow()
    expect(round.pulled.conflicts).toBe(1)
    expect((await shop.ok('activities.get', { id: second.id })).start).toBe(ny('2025-03-10T11:00:00'))
    const [conflict] = await shop.ok('sync.conflicts', {})
    expect(conflict).toMatchObject({ activityId: second.id, remoteStart: ny('2025-03-10T09:30:00') })
    expect(conflict!.reason).toMatch(/Bay 1 is booked 9:00 AM – 10:00 AM/)
    // Taking theirs is refused while it still clashes, naming the clash.
    const refused = await shop.refused('sync.resolveConflict', { id: conflict!.id, resolution: 'take_theirs' })
    expect(refused.message).toMatch(/Bay 1 is booked/)
    expect(await shop.ok('sync.resolveConflict', { id: conflict!.id, resolution: 'keep_ours' })).toEqual([])
    await shop.syncNow()
    expect(new Date(remoteOf(shop, second.id).start!.dateTime!).toISOString()).toBe(ny('2025-03-10T11:00:00'))
    expect(first.id).toBeGreaterThan(0)
  })

  it('an external delete unbooks the work with a notice, and it is never re-created', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-12T09:00:00'))
    await shop.book(ny('2025-03-12T11:00:00'))
    await shop.book(ny('2025-03-13T11:00:00'))
    await shop.book(ny('2025-03-14T11:00:00'))
    await shop.syncNow()
    shop.fake.external.delete(SHOP_CAL, remoteOf(shop, work.id).id)
    const round = await shop.syncNow()
    expect(round.pulled.unbooked).toBe(1)
    const after = await shop.ok('activities.get', { id: work.id })
    expect(after.start).toBeNull()
    expect(after.status).toBe('scheduled')
    expect(JSON.stringify(await shop.ok('activities.history', { id: work.id }))).toMatch(/Deleted in Google Calendar/)
    shop.fake.clearRequests()
    await shop.syncNow()
    await shop.syncNow()
    expect(calls(shop.fake, 'POST', /events$/)).toHaveLength(0) // not resurrected
    // Booking it again makes a new event with a new id.
    const rebooked = await shop.ok('activities.book', { id: work.id, version: after.version, start: ny('2025-03-12T14:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    const live = shop.fake.events(SHOP_CAL).filter((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(work.id))
    expect(live).toHaveLength(1)
    expect(new Date(live[0]!.start!.dateTime!).toISOString()).toBe(rebooked.start)
  })

  it('the desk is told when a calendar moves or deletes a booking: once each, not again after a restart', async () => {
    shop = await syncShop()
    const moved = await shop.book(ny('2025-03-10T09:00:00'))
    const deleted = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    const seen: StaffNotice[] = []
    const listen = (s: SyncShop) => s.core.events.on('notice', (n) => seen.push(n))
    const checkNow = (s: SyncShop) => s.core.services.get<NoticesService>(NOTICES_SERVICE)!.checkNow()
    listen(shop)
    shop.fake.external.move(SHOP_CAL, remoteOf(shop, moved.id).id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
    shop.fake.external.delete(SHOP_CAL, remoteOf(shop, deleted.id).id)
    await shop.syncNow()
    await checkNow(shop)
    const told = seen.map((n) => [n.kind, n.activityId, n.title, n.body]).sort((a, b) => Number(a[1]) - Number(b[1]))
    expect(told).toEqual([
      ['calendar_moved', moved.id, 'Moved in Google Calendar: Oil change', 'Now Tue 2:00 PM, was Mon 9:00 AM · Honda Civic (ABC123) · Jane Doe · Bay 1'],
      ['calendar_unbooked', deleted.id, 'Deleted in Google Calendar: Oil change', 'Was Mon 11:00 AM, now unbooked · Honda Civic (ABC123) · Jane Doe'],
    ])
    await shop.syncNow()
    await checkNow(shop)
    expect(seen).toHaveLength(2)
    await shop.restart()
    listen(shop)
    await checkNow(shop)
    expect(seen).toHaveLength(2)
  })

  describe('changed on both sides before a round: the later change wins, and the log says so', () => {
    /** Booked and pushed; then moved in the calendar at `theirsAt` and in the shop at `oursAt`. */
    async function bothMoved(theirsAt: string, oursAt: string) {
      shop = await syncShop()
      const s = shop
      const work = await s.book(ny('2025-03-10T09:00:00'))
      await s.syncNow()
      const theirs = () => {
        s.fake.clock.set(new Date(theirsAt))
        s.fake.external.move(SHOP_CAL, remoteOf(s, work.id).id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
      }
      const ours = async () => {
        s.setNow(oursAt)
        const current = await s.ok('activities.get', { id: work.id })
        await s.ok('activities.book', { id: work.id, version: current.version, start: ny('2025-03-12T10:00:00'), bayId: s.bay1 })
      }
      // Whichever came first is done first: the clocks say when.
      if (theirsAt < oursAt) {
        theirs()
        await ours()
      } else {
        await ours()
        theirs()
      }
      s.fake.clearRequests()
      const round = await s.syncNow()
      const remoteStart = new Date(remoteOf(s, work.id).start!.dateTime!).toISOString()
      const local = (await s.ok('activities.get', { id: work.id })).start
      const log = (await s.ok('sync.log', {})).map((e) => e.message)
      return { round, remoteStart, local, log }
    }

    it("the shop's change is later: it stands and overwrites the calendar", async () => {
      const r = await bothMoved('2025-03-05T15:10:00Z', '2025-03-05T15:20:00Z')
      expect(r.local).toBe(ny('2025-03-12T10:00:00'))
      expect(r.remoteStart).toBe(ny('2025-03-12T10:00:00'))
      expect(r.round.pulled.moved).toBe(0)
      expect(r.log.join('\n')).toMatch(/Changed in the shop and in .*; the shop's change is later and stands/)
    })

    it("the calendar's change is later: the booking takes its time, and nothing older is pushed back", async () => {
      const r = await bothMoved('2025-03-05T15:30:00Z', '2025-03-05T15:20:00Z')
      expect(r.local).toBe(ny('2025-03-11T14:00:00'))
      expect(r.remoteStart).toBe(ny('2025-03-11T14:00:00'))
      expect(r.round.pulled.moved).toBe(1)
      expect(r.log.join('\n')).toMatch(/Moved in .*; applied/)
    })
  })

  it('410 with edits queued: a full resync keeps the queued edits, pushes them, and duplicates nothing', async () => {
    shop = await syncShop()
    const booked = [await shop.book(ny('2025-03-10T09:00:00')), await shop.book(ny('2025-03-10T11:00:00')), await shop.book(ny('2025-03-10T13:00:00'))]
    await shop.syncNow()
    for (const [i, a] of booked.entries()) {
      const cur = await shop.ok('activities.get', { id: a.id })
      await shop.ok('activities.book', { id: a.id, version: cur.version, start: ny(`2025-03-11T${String(9 + 2 * i).padStart(2, '0')}:00:00`) })
    }
    shop.fake.syncTokens.invalidate()
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(calls(shop.fake, 'GET', /events$/).some((r) => r.status === 410)).toBe(true)
    const remote = shop.fake.events(SHOP_CAL)
    expect(remote).toHaveLength(3)
    for (const a of booked) {
      const local = await shop.ok('activities.get', { id: a.id })
      expect(local.start!.startsWith('2025-03-11')).toBe(true) // the edits survived the resync
      expect(new Date(remoteOf(shop, a.id).start!.dateTime!).toISOString()).toBe(local.start)
    }
  })

  it('a failure on page 3 of 5 does not advance the sync token; the retry applies everything once', async () => {
    shop = await syncShop({ pageSize: 2 })
    const booked = []
    for (let i = 0; i < 10; i++) booked.push(await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`)))
    await shop.syncNow()
    const token = async () => (await shop!.core.db.selectFrom('sync_calendars').select('sync_token').executeTakeFirstOrThrow()).sync_token
    const before = await token()
    // Ten external moves: five pages of two on the next read.
    for (const a of booked) {
      const ev = remoteOf(shop, a.id)
      const start = new Date(Date.parse(ev.start!.dateTime!) + 60 * 60_000).toISOString()
      shop.fake.external.move(SHOP_CAL, ev.id, start, new Date(Date.parse(start) + 60 * 60_000).toISOString())
    }
    shop.fake.clearRequests()
    shop.fake.fault({ match: { method: 'GET', pathRegex: '/events$', nth: 3, times: 5 }, respond: { status: 500 } })
    const failed = await shop.syncNow()
    expect(failed.error).toMatch(/./)
    expect(await token()).toBe(before)
    expect((await shop.ok('activities.get', { id: booked[0]!.id })).start).toBe(booked[0]!.start) // nothing applied
    shop.fake.clearFaults()
    const retried = await shop.syncNow()
    expect(retried.pulled.moved).toBe(10)
    expect(await token()).not.toBe(before)
    for (const a of booked) {
      expect((await shop.ok('activities.get', { id: a.id })).start).toBe(new Date(Date.parse(a.start!) + 60 * 60_000).toISOString())
    }
  })

  it('an empty or failing read during a full resync deletes nothing', async () => {
    shop = await syncShop()
    const booked = [await shop.book(ny('2025-03-10T09:00:00')), await shop.book(ny('2025-03-10T11:00:00'))]
    await shop.syncNow()
    shop.fake.syncTokens.invalidate()
    shop.fake.fault({ match: { method: 'GET', pathRegex: '/events$', times: 10 }, respond: { status: 503 } })
    const failed = await shop.syncNow()
    expect(failed.error).toMatch(/./)
    shop.fake.clearFaults()
    // A full read that answers an empty list (a calendar mid-outage) is not a list of deletions either.
    shop.fake.syncTokens.invalidate()
    shop.fake.fault({
      match: { method: 'GET', pathRegex: '/events$', times: 1 },
      respond: { status: 200, body: { kind: 'calendar#events', items: [], nextSyncToken: 'x' } },
    })
    await shop.syncNow()
    shop.fake.clearFaults()
    for (const a of booked) expect((await shop.ok('activities.get', { id: a.id })).start).toBe(a.start)
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(2)
  })

  it('a mass delete pauses and asks; applying it unbooks, keeping puts the events back', async () => {
    shop = await syncShop()
    const booked = []
    for (let i = 0; i < 10; i++) booked.push(await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`)))
    await shop.syncNow()
    for (const a of booked.slice(0, 6)) shop.fake.external.delete(SHOP_CAL, remoteOf(shop, a.id).id)
    const round = await shop.syncNow()
    expect(round.pausedDeletes).toBe(6)
    const [account] = await shop.ok('sync.accounts', {})
    expect(account!.pausedDeletes).toEqual({ count: 6, total: 10 })
    for (const a of booked) expect((await shop.ok('activities.get', { id: a.id })).start).toBe(a.start) // nothing unbooked yet
    await shop.syncNow()
    expect((await shop.ok('activities.get', { id: booked[0]!.id })).start).toBe(booked[0]!.start) // still waiting

    await shop.ok('sync.confirmDeletes', { accountId: account!.id, apply: false })
    await shop.syncNow()
    await shop.syncNow()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(10) // put back, with new ids
    expect((await shop.ok('sync.accounts', {}))[0]!.pausedDeletes).toBeNull()

    for (const a of booked.slice(0, 4)) shop.fake.external.delete(SHOP_CAL, remoteOf(shop, a.id).id)
    expect((await shop.syncNow()).pausedDeletes).toBe(4)
    await shop.ok('sync.confirmDeletes', { accountId: account!.id, apply: true })
    expect((await shop.syncNow()).pulled.unbooked).toBe(4)
    expect((await shop.ok('activities.get', { id: booked[0]!.id })).start).toBeNull()
  })
})
