import { afterEach, describe, expect, it } from 'vitest'
import { graphCalls, ny, outlookShop, type OutlookShop } from './outlook-harness'

let shop: OutlookShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

/** The activity's event on the shop calendar (the fake's REST id is what `external.*` take). */
const remoteOf = async (s: OutlookShop, activityId: number) => {
  const link = await s.core.db.selectFrom('sync_links').select('remote_id').where('activity_id', '=', activityId).executeTakeFirstOrThrow()
  return s.fake.events(s.shopCal).find((e) => e.immutableId === link.remote_id || e.id === link.remote_id)!
}
const startOf = (ev: Record<string, unknown>) => new Date(`${(ev['start'] as { dateTime: string }).dateTime}Z`).toISOString()
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString()

describe('changes made in Outlook come back', () => {
  it('an external move that fits moves the booking, logged as Outlook, with no echo write', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    shop.fake.external.move((await remoteOf(shop, work.id)).id, ny('2025-03-11T14:00:00'), ny('2025-03-11T15:00:00'))
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pulled.moved).toBe(1)
    expect((await shop.ok('activities.get', { id: work.id })).start).toBe(ny('2025-03-11T14:00:00'))
    expect(JSON.stringify(await shop.ok('activities.history', { id: work.id }))).toMatch(/Moved in Outlook/)
    expect(graphCalls(shop.fake, 'PATCH', /events/)).toHaveLength(0)
    expect(graphCalls(shop.fake, 'POST', /events$/)).toHaveLength(0)
    // The round after sees our own state come back: nothing to do.
    expect((await shop.syncNow()).pushed).toMatchObject({ created: 0, updated: 0 })
  })

  it('an external move that clashes records a conflict; keep ours puts our time back', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-10T09:00:00'))
    const second = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    shop.fake.external.move((await remoteOf(shop, second.id)).id, ny('2025-03-10T09:30:00'), ny('2025-03-10T10:30:00'))
    expect((await shop.syncNow()).pulled.conflicts).toBe(1)
    expect((await shop.ok('activities.get', { id: second.id })).start).toBe(ny('2025-03-10T11:00:00'))
    const [conflict] = await shop.ok('sync.conflicts', {})
    expect(conflict!.reason).toMatch(/Bay 1 is booked 9:00 AM – 10:00 AM/)
    await shop.ok('sync.resolveConflict', { id: conflict!.id, resolution: 'keep_ours' })
    await shop.syncNow()
    expect(startOf(await remoteOf(shop, second.id))).toBe(ny('2025-03-10T11:00:00'))
  })

  it('an external delete (@removed, confirmed by a 404) unbooks the work, and it is never re-created', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-12T09:00:00'))
    for (const d of ['12', '13', '14']) await shop.book(ny(`2025-03-${d}T11:00:00`))
    await shop.syncNow()
    const gone = await remoteOf(shop, work.id)
    shop.fake.external.delete(gone.id)
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pulled.unbooked).toBe(1)
    expect(graphCalls(shop.fake, 'GET', /\/me\/events\//).map((r) => r.status)).toEqual([404])
    expect((await shop.ok('activities.get', { id: work.id })).start).toBeNull()
    expect(JSON.stringify(await shop.ok('activities.history', { id: work.id }))).toMatch(/Deleted in Outlook/)
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(3)
  })

  it('an event moved out of the delta window comes back as @removed but is still there: moved, not unbooked', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-12T09:00:00'))
    await shop.syncNow()
    // Past the window's end (now + 400 days): the delta says @removed.
    shop.fake.external.move((await remoteOf(shop, work.id)).id, '2026-05-01T13:00:00.000Z', '2026-05-01T14:00:00.000Z')
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(graphCalls(shop.fake, 'GET', /\/me\/events\//).map((r) => r.status)).toEqual([200])
    expect(round.pulled.unbooked).toBe(0)
    expect(round.pulled.moved).toBe(1)
    expect((await shop.ok('activities.get', { id: work.id })).start).toBe('2026-05-01T13:00:00.000Z')
  })

  for (const mode of ['410', 'syncStateNotFound'] as const) {
    it(`an expired deltaLink (${mode}) with edits queued: a full resync keeps them, pushes them, resurrects nothing, duplicates nothing`, async () => {
      shop = await outlookShop()
      const booked = [await shop.book(ny('2025-03-10T09:00:00')), await shop.book(ny('2025-03-10T11:00:00')), await shop.book(ny('2025-03-10T13:00:00'))]
      const deleted = await shop.book(ny('2025-03-12T09:00:00'))
      await shop.syncNow()
      // One deleted there and applied before the expiry: the resync must not bring it back.
      shop.fake.external.delete((await remoteOf(shop, deleted.id)).id)
      await shop.syncNow()
      for (const [i, a] of booked.entries()) {
        const cur = await shop.ok('activities.get', { id: a.id })
        await shop.ok('activities.book', { id: a.id, version: cur.version, start: ny(`2025-03-11T${String(9 + 2 * i).padStart(2, '0')}:00:00`) })
      }
      shop.fake.delta.expire(mode)
      shop.fake.clearRequests()
      const round = await shop.syncNow()
      expect(round.error).toBeNull()
      expect(graphCalls(shop.fake, 'GET', /calendarView\/delta/).some((r) => r.status === (mode === '410' ? 410 : 400))).toBe(true)
      const remote = shop.fake.events(shop.shopCal)
      expect(remote).toHaveLength(3)
      for (const a of booked) {
        const local = await shop.ok('activities.get', { id: a.id })
        expect(local.start!.startsWith('2025-03-11')).toBe(true)
        expect(startOf(await remoteOf(shop, a.id))).toBe(local.start)
      }
      expect((await shop.ok('activities.get', { id: deleted.id })).start).toBeNull()
      expect(graphCalls(shop.fake, 'POST', /events$/)).toHaveLength(0)
    })
  }

  it('a failure on page 3 of 5 does not advance the deltaLink; the retry applies everything once', async () => {
    shop = await outlookShop({ pageSize: 2 })
    const booked = []
    for (let i = 0; i < 10; i++) booked.push(await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`)))
    await shop.syncNow()
    const token = async () => (await shop!.core.db.selectFrom('sync_calendars').select('sync_token').executeTakeFirstOrThrow()).sync_token
    const before = await token()
    for (const a of booked) {
      const ev = await remoteOf(shop, a.id)
      const start = plus(startOf(ev), 60)
      shop.fake.external.move(ev.id, start, plus(start, 60))
    }
    shop.fake.fault({
      match: { method: 'GET', pathRegex: 'calendarView/delta', nth: 3, times: 1 },
      respond: { status: 400, body: { error: { code: 'BadRequest', message: 'Injected' } } },
    })
    const failed = await shop.syncNow()
    expect(failed.error).toMatch(/400/)
    expect(await token()).toBe(before)
    expect((await shop.ok('activities.get', { id: booked[0]!.id })).start).toBe(booked[0]!.start)
    const retried = await shop.syncNow()
    expect(retried.pulled.moved).toBe(10)
    expect(await token()).not.toBe(before)
    for (const a of booked) expect((await shop.ok('activities.get', { id: a.id })).start).toBe(plus(a.start!, 60))
  })

  it('replayed and duplicated delta items are applied once', async () => {
    shop = await outlookShop({ pageSize: 2 })
    const booked = []
    for (let i = 0; i < 6; i++) booked.push(await shop.book(ny(`2025-03-${10 + (i % 3)}T${i < 3 ? '09' : '13'}:00:00`)))
    await shop.syncNow()
    for (const a of booked) {
      const ev = await remoteOf(shop, a.id)
      shop.fake.external.move(ev.id, plus(startOf(ev), 60), plus(startOf(ev), 120))
    }
    shop.fake.delta.setKnobs({ replayProbability: 1, emptyPagesWithNextLink: 2 })
    const round = await shop.syncNow()
    expect(round.pulled.moved).toBe(6)
    for (const a of booked) {
      const history = await shop.ok('activities.history', { id: a.id })
      expect(history.filter((h) => h.actor === 'Outlook')).toHaveLength(1)
    }
  })

  it('an empty read during a full resync deletes nothing', async () => {
    shop = await outlookShop()
    const booked = [await shop.book(ny('2025-03-10T09:00:00')), await shop.book(ny('2025-03-10T11:00:00'))]
    await shop.syncNow()
    shop.fake.delta.expire('410')
    shop.fake.fault({ match: { method: 'GET', pathRegex: 'calendarView/delta', nth: 2, times: 1 }, respond: { status: 200, body: { value: [] } } })
    await shop.syncNow()
    for (const a of booked) expect((await shop.ok('activities.get', { id: a.id })).start).toBe(a.start)
    expect(shop.fake.events(shop.shopCal)).toHaveLength(2)
  })

  it('a mass delete pauses and asks; keeping puts the events back, applying unbooks', async () => {
    shop = await outlookShop()
    const booked = []
    for (let i = 0; i < 10; i++) booked.push(await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`)))
    await shop.syncNow()
    for (const a of booked.slice(0, 6)) shop.fake.external.delete((await remoteOf(shop, a.id)).id)
    expect((await shop.syncNow()).pausedDeletes).toBe(6)
    for (const a of booked) expect((await shop.ok('activities.get', { id: a.id })).start).toBe(a.start)
    await shop.ok('sync.confirmDeletes', { accountId: shop.accountId, apply: false })
    await shop.syncNow()
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(10)
    for (const a of booked.slice(0, 4)) shop.fake.external.delete((await remoteOf(shop, a.id)).id)
    expect((await shop.syncNow()).pausedDeletes).toBe(4)
    await shop.ok('sync.confirmDeletes', { accountId: shop.accountId, apply: true })
    expect((await shop.syncNow()).pulled.unbooked).toBe(4)
    expect((await shop.ok('activities.get', { id: booked[0]!.id })).start).toBeNull()
  })
})
