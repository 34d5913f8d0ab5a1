/**
 * Every desk stays fresh (issue 13, point 4): what one desk commits on the shop's server is
 * announced in its transaction (NOTIFY) and heard by every other desk as its own `changed`
 * event; a rolled-back call announces nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core'
import type { ServiceContext } from '../../../electron/core/services'
import { announcementPayload, readAnnouncement } from '../../../electron/core/db/postgres-notify'
import { testDialect } from '../../helpers/postgres'
import { desksOnOneDatabase, nextEvent, record, type Desk } from '../../helpers/desks'

let shop: Awaited<ReturnType<typeof desksOnOneDatabase>> | null = null

afterEach(async () => {
  await shop?.dispose()
  shop = null
})

/** A background service that only hands its context out, for steps a test runs as the service would. */
function serviceOn(core: Core): ServiceContext {
  let context: ServiceContext | undefined
  core.services.register({ name: 'test-writer', start: (s) => void (context = s) })
  return context!
}

/** One customer added by a service step that names its row, as a background job would. */
const addCustomerAsService = (service: ServiceContext, name: string) =>
  service.batch(async (ctx) => {
    const row = await ctx.db
      .insertInto('customers')
      .values({ name, name_folded: name.toLowerCase(), created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    ctx.changedRows('customers', [row.id])
    return row.id
  })

const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`
}

describe('the announcement of a change set', () => {
  it('names the desk, the domains and their ids, leaves out the desk-local domain, and keeps to the domains when the ids would not fit', () => {
    const payload = announcementPayload('desk-a', { domains: ['activities', 'desk'], ids: { activities: [3, 4] } })!
    expect(readAnnouncement(payload, 'desk-b')).toEqual({ domains: ['activities'], ids: { activities: [3, 4] } })
    // Its own desk heard it already, from its own gate.
    expect(readAnnouncement(payload, 'desk-a')).toBeNull()
    expect(announcementPayload('desk-a', { domains: ['desk'] })).toBeNull()
    const many = Array.from({ length: 3000 }, (_, i) => i + 1)
    const big = announcementPayload('desk-a', { domains: ['activities', 'vehicles'], ids: { activities: many } })!
    expect(Buffer.byteLength(big)).toBeLessThan(8000)
    expect(readAnnouncement(big, 'desk-b')).toEqual({ domains: ['activities', 'vehicles'] })
  })
})

describe.runIf(testDialect() === 'postgres')('two desks on one shop database', () => {
  it("hear each other's edits within moments, with the domains and ids, and never their own twice", async () => {
    shop = await desksOnOneDatabase(2)
    const [a, b] = shop.desks as [Desk, Desk]
    const onA = record(a, 'changed')
    const fromCall: number[] = []
    const afterAnswer: number[] = []
    for (let n = 0; n < 20; n++) {
      const heard = nextEvent(b, 'changed', (e) => e.domains.includes('customers'))
      const asked = performance.now()
      const result = await a.invoke('customers.create', { name: `Fleet ${n}` })
      const answered = performance.now()
      expect(result.ok).toBe(true)
      const { at, payload } = await heard
      expect(payload).toEqual({ domains: ['customers'] })
      fromCall.push(at - asked)
      // Negative when desk B heard before desk A's own call had answered.
      afterAnswer.push(at - answered)
    }
    console.log(`desk A's call -> desk B's changed event, 20 edits: ${quantiles(fromCall)}`)
    console.log(`desk A's answer -> desk B's changed event: ${quantiles(afterAnswer)}`)
    // Desk B reads what desk A wrote the moment it hears of it.
    const names = await b.invoke('customers.list', {})
    expect(names.ok && names.data.length).toBe(20)
    // Desk A heard each of its own edits once, from its own gate, not again from the server.
    expect(onA.seen.length).toBe(20)

    // The other way round, with row ids, from a background service's step.
    const service = serviceOn(b)
    const heardOnA = nextEvent(a, 'changed', (e) => e.domains.includes('customers'))
    const id = await addCustomerAsService(service, 'Ada')
    expect((await heardOnA).payload).toEqual({ domains: ['customers'], ids: { customers: [id] } })
  })

  it('announce nothing for a call or a step that rolled back', async () => {
    shop = await desksOnOneDatabase(2)
    const [a, b] = shop.desks as [Desk, Desk]
    const onB = record(b, 'changed')
    const service = serviceOn(a)
    await expect(
      service.batch(async (ctx) => {
        await ctx.db.insertInto('customers').values({ name: 'Ghost', name_folded: 'ghost', created_at: 'x', updated_at: 'x' }).execute()
        ctx.changed('customers')
        throw new Error('network answered 500')
      }),
    ).rejects.toThrow(/500/)
    // A refused call (a customer without a name) writes and announces nothing either.
    expect((await a.invoke('customers.create', { name: '' })).ok).toBe(false)
    // A committed change after them is the first and only thing desk B hears: NOTIFY is delivered in commit order.
    const heard = nextEvent(b, 'changed')
    const done = await addCustomerAsService(service, 'Ada')
    await heard
    expect(onB.seen.map((s) => s.payload)).toEqual([{ domains: ['customers'], ids: { customers: [done] } }])
    const list = await b.invoke('customers.list', {})
    expect(list.ok && list.data.map((c) => c.name)).toEqual(['Ada'])
  })

  it('hear a change naming thousands of rows as its domains', async () => {
    shop = await desksOnOneDatabase(2)
    const [a, b] = shop.desks as [Desk, Desk]
    const service = serviceOn(a)
    const heard = nextEvent(b, 'changed')
    await service.batch(async (ctx) => {
      const rows = await ctx.db
        .insertInto('customers')
        .values(Array.from({ length: 2000 }, (_, i) => ({ name: `Fleet ${i}`, name_folded: `fleet ${i}`, created_at: 'x', updated_at: 'x' })))
        .returning('id')
        .execute()
      ctx.changedRows(
        'customers',
        rows.map((r) => r.id),
      )
    })
    expect((await heard).payload).toEqual({ domains: ['customers'] })
  })
})
