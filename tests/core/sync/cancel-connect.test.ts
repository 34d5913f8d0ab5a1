import { afterEach, describe, expect, it } from 'vitest'
import { consent } from '../../fakes/google/connect'
import { syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

describe('cancelling a connect that waits for the browser', () => {
  it('closes the loopback listener and removes an account that never connected', async () => {
    shop = await syncShop({ bare: true })
    const started = await shop.ok('sync.connect', {})
    const back = await consent(started.authorizeUrl)
    expect(await shop.ok('sync.cancelConnect', { accountId: started.accountId })).toEqual([])
    // The browser coming back late finds no listener, and nothing connects.
    await expect(fetch(back)).rejects.toThrow()
    expect(await shop.ok('sync.accounts', {})).toEqual([])
    const log = await shop.ok('sync.log', { limit: 10 })
    expect(log[0]).toMatchObject({ accountId: started.accountId, kind: 'connect_failed', message: 'Connecting was cancelled.' })
  })

  it('keeps a dead account waiting for a reconnect as it was, its queue included', async () => {
    shop = await syncShop()
    const [account] = await shop.ok('sync.accounts', {})
    await shop.book('2025-03-06T14:00:00Z')
    shop.fake.tokens.revoke()
    expect((await shop.syncNow()).status).toBe('needs_reconnect')
    await shop.ok('sync.connect', { accountId: account!.id })
    const after = await shop.ok('sync.cancelConnect', { accountId: account!.id })
    expect(after).toEqual([expect.objectContaining({ id: account!.id, status: 'needs_reconnect', email: 'shop.owner@example.com', queued: 1 })])
  })

  it('refuses when nothing waits for the browser', async () => {
    shop = await syncShop()
    const [account] = await shop.ok('sync.accounts', {})
    expect(await shop.refused('sync.cancelConnect', { accountId: account!.id })).toMatchObject({ code: 'refused' })
  })
})

describe('sync.forActivity: where a booking shows', () => {
  it('names the calendar it is on once pushed, and says what still waits before', async () => {
    shop = await syncShop()
    const booked = await shop.book('2025-03-06T14:00:00Z')
    expect(await shop.ok('sync.forActivity', { activityId: booked.id })).toMatchObject({ places: [], pending: { attempts: 0, refused: false, error: null } })
    await shop.syncNow()
    const after = await shop.ok('sync.forActivity', { activityId: booked.id })
    expect(after).toEqual({
      places: [
        expect.objectContaining({
          calendarSummary: 'Shop bookings',
          accountEmail: 'shop.owner@example.com',
          provider: 'google',
          accountStatus: 'connected',
          state: 'live',
        }),
      ],
      pending: null,
    })
  })
})
