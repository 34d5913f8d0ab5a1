import { afterEach, describe, expect, it } from 'vitest'
import { ALEX_CAL, SHOP_CAL, calls, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

describe('sign-in trouble', () => {
  it('an access token expiring mid-round costs exactly one refresh', async () => {
    shop = await syncShop()
    for (let i = 0; i < 6; i++) await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`))
    const refreshesBefore = shop.fake.tokens.issued()
    let expired = false
    shop.interceptFetch(async (url, init, next) => {
      const answer = await next(url, init)
      // Between the round's read and its writes, Google stops accepting the access token.
      if (!expired && (init?.method ?? 'GET') === 'GET' && /\/events\?/.test(url)) {
        expired = true
        shop!.fake.tokens.expireAll()
      }
      return answer
    })
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(round.pushed.created).toBe(6)
    expect(expired).toBe(true)
    expect(calls(shop.fake, 'POST', /\/events$/).filter((r) => r.status === 401).length).toBeGreaterThan(0)
    expect(shop.fake.tokens.issued() - refreshesBefore).toBe(1)
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(6)
  })

  it('a revoked grant pauses the account with its queue intact; reconnecting drains it', async () => {
    shop = await syncShop()
    const [account] = await shop.ok('sync.accounts', {})
    shop.fake.tokens.revoke()
    for (let i = 0; i < 3; i++) await shop.book(ny(`2025-03-1${i}T09:00:00`))
    shop.fake.tokens.expireAll()
    const round = await shop.syncNow()
    expect(round.status).toBe('needs_reconnect')
    const paused = await shop.ok('sync.status', { accountId: account!.id })
    expect(paused).toMatchObject({ status: 'needs_reconnect', queued: 3 })
    expect(paused.lastError).toMatch(/expired or revoked/)
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_outbox').select('activity_id').execute()).toHaveLength(3) // nothing dropped
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(0)

    await shop.connect(account!.id) // the same account, signed in again; its first round drains the queue
    expect((await shop.ok('sync.status', { accountId: account!.id })).status).toBe('connected')
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(3)
    expect(await shop.core.db.selectFrom('sync_outbox').select('activity_id').execute()).toEqual([])
  })

  it('disconnect revokes the grant and removes the tokens, keeping the links so a reconnect duplicates nothing', async () => {
    shop = await syncShop()
    const [account] = await shop.ok('sync.accounts', {})
    await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    const after = await shop.ok('sync.disconnect', { accountId: account!.id })
    expect(after.status).toBe('disconnected')
    expect(await shop.core.ports.secrets.get(`google:${account!.id}`)).toBeNull()
    expect(calls(shop.fake, 'POST', /\/revoke$/).map((r) => r.status)).toEqual([200])
    expect(await shop.core.db.selectFrom('sync_links').select('state').execute()).toEqual([{ state: 'live' }])
    await shop.connect(account!.id)
    await shop.syncNow()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1)
  })
})

describe('a technician’s own calendar', () => {
  it('foreign events are busy time: booking into one is refused naming the time, not the title, and free slots skip it', async () => {
    shop = await syncShop()
    const [account] = await shop.ok('sync.accounts', {})
    await shop.ok('sync.chooseCalendar', { accountId: account!.id, remoteId: ALEX_CAL, summary: 'Alex Moreno', role: 'technician', technicianId: shop.alex })
    const dentist = shop.fake.external.create(ALEX_CAL, {
      summary: 'Dentist – root canal',
      start: { dateTime: '2025-03-10T10:00:00-04:00' },
      end: { dateTime: '2025-03-10T11:30:00-04:00' },
    })
    const round = await shop.syncNow()
    expect(round.pulled.busy).toBe(1)
    expect(JSON.stringify(await shop.core.db.selectFrom('sync_busy_blocks').selectAll().execute())).not.toMatch(/Dentist/)
    // The calendar's technician lanes read it by shop day: times only, on that day and no other.
    expect(await shop.ok('sync.busyTime', { from: '2025-03-10', to: '2025-03-10' })).toEqual([
      { technicianId: shop.alex, start: '2025-03-10T14:00:00.000Z', end: '2025-03-10T15:30:00.000Z' },
    ])
    expect(await shop.ok('sync.busyTime', { from: '2025-03-11', to: '2025-03-16' })).toEqual([])
    expect((await shop.refused('sync.busyTime', { from: '2025-03-11', to: '2025-03-10' })).code).toBe('invalid_input')

    const work = await shop.book(ny('2025-03-10T08:00:00'), { technicianId: shop.alex })
    const refused = await shop.refused('activities.book', { id: work.id, version: work.version, start: ny('2025-03-10T10:30:00') })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe('Alex Moreno is busy 10:00 AM – 11:30 AM (an event on their own calendar).')
    expect(refused.message).not.toMatch(/Dentist/)
    const slots = await shop.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-10', days: 1, technicianId: shop.alex, limit: 100 })
    const starts = slots.map((s) => s.start)
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.some((s) => s >= ny('2025-03-10T09:30:00') && s < ny('2025-03-10T11:30:00'))).toBe(false)
    // Our own booking, pushed to Alex's calendar, is not mistaken for busy time there.
    await shop.syncNow()
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_busy_blocks').select('remote_id').execute()).toEqual([{ remote_id: dentist.id }])
    expect(shop.fake.events(ALEX_CAL).filter((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(work.id))).toHaveLength(1)
    // Cancelled there: no longer busy.
    shop.fake.external.delete(ALEX_CAL, dentist.id)
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_busy_blocks').selectAll().execute()).toEqual([])
  })
})

describe('daylight saving time', () => {
  for (const [zone, before, after, offsets] of [
    ['America/New_York', '2025-03-07', '2025-03-10', ['-05:00', '-04:00']],
    ['Europe/Berlin', '2025-03-28', '2025-03-31', ['+01:00', '+02:00']],
  ] as const) {
    it(`09:00 bookings in ${zone} stay 09:00 on the calendar on both sides of the change`, async () => {
      // The sync runs in winter time, also for the summer booking.
      shop = await syncShop({ timeZone: zone, now: `${before}T06:00:00Z` })
      const winter = await shop.book(new Date(`${before}T09:00:00${offsets[0]}`).toISOString())
      const summer = await shop.book(new Date(`${after}T09:00:00${offsets[1]}`).toISOString())
      await shop.syncNow()
      const events = shop.fake.events(SHOP_CAL)
      const startOf = (id: number) => events.find((e) => e.extendedProperties?.private?.shopSchedulerActivity === String(id))!.start!
      expect(startOf(winter.id)).toEqual({ dateTime: `${before}T09:00:00${offsets[0]}`, timeZone: zone })
      expect(startOf(summer.id)).toEqual({ dateTime: `${after}T09:00:00${offsets[1]}`, timeZone: zone })
      // Read back, nothing moves.
      const round = await shop.syncNow()
      expect(round.pulled.moved).toBe(0)
      expect((await shop.ok('activities.get', { id: winter.id })).start).toBe(winter.start)
    })
  }
})
