import { afterEach, describe, expect, it } from 'vitest'
import { SHOP_CAL, calls, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  shop?.interceptFetch(null)
  await shop?.dispose()
  shop = undefined
})

describe('a crash at any point neither loses nor duplicates a push', () => {
  it('crash after the remote create and before the local commit: the restart adopts the event instead of duplicating it', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    let landed = false
    // The insert reaches Google and is applied; the app dies before it hears the answer.
    shop.interceptFetch(async (url, init, next) => {
      if (init?.method === 'POST' && /\/events(\?|$)/.test(url) && !landed) {
        await next(url, { ...init, signal: undefined })
        landed = true
        return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('process died'))))
      }
      return next(url, init)
    })
    // The round in flight dies with the process: its refusal is expected, so it is caught from the start.
    const round = shop.ok('sync.now', {}).catch(() => undefined)
    await expect.poll(() => landed).toBe(true)
    await shop.restart() // the round in flight is cut off; its link was recorded as "creating" before the request
    await round
    shop.interceptFetch(null)
    expect(await shop.core.db.selectFrom('sync_links').select('state').execute()).toEqual([{ state: 'creating' }])
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1)

    const again = await shop.syncNow()
    expect(again.error).toBeNull()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1) // no duplicate
    expect(calls(shop.fake, 'POST', /\/events$/).map((r) => r.status)).toEqual([200, 409])
    const link = await shop.core.db.selectFrom('sync_links').selectAll().executeTakeFirstOrThrow()
    expect(link).toMatchObject({ activity_id: work.id, state: 'live', remote_id: shop.fake.events(SHOP_CAL)[0]!.id })
    expect((await shop.ok('sync.log', {})).map((l) => l.kind)).toContain('adopted')
    expect(await shop.core.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
  })

  it('crash after the local commit and before sending: the change is sent exactly once after the restart', async () => {
    shop = await syncShop()
    await shop.book(ny('2025-03-11T13:00:00'))
    await shop.restart() // nothing was sent yet
    expect(await shop.core.db.selectFrom('sync_outbox').select('activity_id').execute()).toHaveLength(1)
    shop.fake.clearRequests()
    await shop.syncNow()
    await shop.syncNow()
    expect(calls(shop.fake, 'POST', /\/events$/)).toHaveLength(1)
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1)
  })

  it('a dropped connection after the insert was applied is retried into a 409 and adopted, within the round', async () => {
    shop = await syncShop()
    await shop.book(ny('2025-03-12T10:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, mode: 'afterCommit' })
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1)
    expect(await shop.core.db.selectFrom('sync_links').select('state').execute()).toEqual([{ state: 'live' }])
  })
})
