import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { SHOP_CAL, calls, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

const queued = async (s: SyncShop) =>
  (await s.core.db.selectFrom('sync_outbox').select('activity_id').orderBy('activity_id').execute()).map((r) => r.activity_id)

describe('the outbox is written in the same transaction as every change that alters a synced event', () => {
  it('raw SQL (as the scheduler writes), renames of what an event shows, and nothing for unbooked work or rolled-back writes', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    expect(await queued(shop)).toEqual([])

    // The scheduler's bulk statements are raw SQL (a better-sqlite3 handle, or plain SQL on
    // PostgreSQL), not Kysely's builders: the triggers catch them all the same.
    await sql`update activities set end_at = ${ny('2025-03-10T10:30:00')} where id = ${work.id}`.execute(shop.core.db)
    expect(await queued(shop)).toEqual([work.id])
    await sql`delete from sync_outbox`.execute(shop.core.db)

    // A write that rolls back leaves no intent behind.
    await expect(
      shop.core.db.transaction().execute(async (trx) => {
        await sql`update activities set start_at = ${ny('2025-03-10T08:00:00')} where id = ${work.id}`.execute(trx)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await queued(shop)).toEqual([])

    await shop.ok('activityTypes.update', { id: shop.oil, name: 'Oil & filter change', category: 'maintenance', durationMinutes: 60, active: true })
    expect(await queued(shop)).toEqual([work.id])
    await shop.syncNow()
    expect(shop.fake.events(SHOP_CAL)[0]!.summary).toMatch(/^Oil & filter change · /)
    expect(new Date(shop.fake.events(SHOP_CAL)[0]!.end!.dateTime!).toISOString()).toBe(ny('2025-03-10T10:30:00'))

    // Planned, unbooked work the scheduler moves around is not on any calendar: nothing queued.
    const { id: unbooked } = await shop.core.db
      .insertInto('activities')
      .values({
        vehicle_id: shop.vehicleId,
        activity_type_id: shop.oil,
        origin: 'manual',
        due_date: '2025-04-01',
        start_at: null,
        end_at: null,
        bay_id: null,
        technician_id: null,
        template_id: null,
        occurrence_index: null,
        occurrence_key: null,
        started_at: null,
        completed_at: null,
        completed_by: null,
        completion_odometer: null,
        completion_notes: null,
        cancel_reason: null,
        notes: null,
        contacted_at: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await shop.core.db.updateTable('activities').set({ due_date: '2025-04-02' }).where('id', '=', unbooked).execute()
    expect(await queued(shop)).toEqual([])
  })

  it('a cancellation removes the event; completing recolours it', async () => {
    shop = await syncShop()
    const a = await shop.book(ny('2025-03-10T09:00:00'))
    const b = await shop.book(ny('2025-03-10T11:00:00'))
    await shop.syncNow()
    await shop.ok('activities.cancel', { id: a.id, version: a.version, reason: 'Sold the car' })
    const started = await shop.ok('activities.start', { id: b.id, version: b.version })
    await shop.ok('activities.complete', { id: b.id, version: started.version, completedBy: 'Alex' })
    await shop.syncNow()
    const remote = shop.fake.events(SHOP_CAL)
    expect(remote).toHaveLength(1)
    expect(remote[0]).toMatchObject({ colorId: '10' })
    expect(remote[0]!.summary).toMatch(/^✓ /)
  })
})

describe('push failures', () => {
  it('a request the calendar refuses (400) goes to the dead-letter list, and can be retried', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, respond: { status: 400 } })
    const round = await shop.syncNow()
    expect(round.deadLettered).toBe(1)
    const [dead] = await shop.ok('sync.deadLetters', {})
    expect(dead).toMatchObject({ activityId: work.id, attempts: 1 })
    expect((await shop.ok('sync.accounts', {}))[0]!.deadLetters).toBe(1)
    await shop.syncNow()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(0) // parked, not retried by itself
    expect(await shop.ok('sync.retryDeadLetter', { activityId: work.id })).toEqual([])
    await shop.syncNow()
    expect(shop.fake.events(SHOP_CAL)).toHaveLength(1)
  })

  it('412 on an update re-fetches and retries with the current etag', async () => {
    shop = await syncShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    await shop.ok('activities.book', { id: work.id, version: (await shop.ok('activities.get', { id: work.id })).version, start: ny('2025-03-10T13:00:00') })
    shop.fake.fault({ match: { method: 'PUT', pathRegex: '/events/', times: 1 }, respond: { status: 412 } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.updated).toBe(1)
    expect(calls(shop.fake, 'PUT', /events\//).map((r) => r.status)).toEqual([412, 200])
    expect(calls(shop.fake, 'GET', /events\/[a-v0-9]+$/)).toHaveLength(1)
    expect(new Date(shop.fake.events(SHOP_CAL)[0]!.start!.dateTime!).toISOString()).toBe(ny('2025-03-10T13:00:00'))
  })

  it('rate limits back off for at least the Retry-After the server asked for, then succeed', async () => {
    shop = await syncShop()
    await shop.book(ny('2025-03-10T09:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, respond: { status: 429, headers: { 'Retry-After': '1.5' } } })
    shop.fake.clearRequests()
    const round = await shop.syncNow()
    expect(round.pushed.created).toBe(1)
    const [limited, landed] = calls(shop.fake, 'POST', /events$/)
    expect(limited!.status).toBe(429)
    expect(landed!.at - limited!.at).toBeGreaterThanOrEqual(1400)
  })
})
