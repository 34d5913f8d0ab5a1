import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGoogle, type FakeGoogle } from './index'
import { eventBody, rawApi, reasonOf, type RawResponse } from './raw'

const CAL = 'shop@group.calendar.google.com'
const LIST = `/calendar/v3/calendars/${encodeURIComponent(CAL)}/events`
let fake: FakeGoogle
let api: Awaited<ReturnType<typeof rawApi>>

beforeEach(async () => {
  fake = await startFakeGoogle()
  fake.addCalendar({ id: CAL, summary: 'Shop' })
  api = await rawApi(fake)
})
afterEach(async () => {
  await fake.close()
})

type ListBody = { items: Array<{ id: string; status: string }>; nextPageToken?: string; nextSyncToken?: string }
const list = async (query: Record<string, string>): Promise<RawResponse & { body: ListBody }> =>
  (await api('GET', `${LIST}?${new URLSearchParams(query)}`)) as RawResponse & { body: ListBody }

async function fullSync(): Promise<string> {
  let page = await list({})
  while (page.body.nextPageToken) page = await list({ pageToken: page.body.nextPageToken })
  return page.body.nextSyncToken ?? ''
}

describe('fake Google sync tokens and pages (raw wire)', () => {
  it('refuses forbidden parameters next to a syncToken, and showDeleted=false', async () => {
    const token = await fullSync()
    const extras: Array<Record<string, string>> = [
      { timeMin: '2026-01-01T00:00:00Z' },
      { timeMax: '2026-01-01T00:00:00Z' },
      { q: 'x' },
      { orderBy: 'updated' },
      { privateExtendedProperty: 'a=b' },
      { sharedExtendedProperty: 'a=b' },
      { iCalUID: 'x@google.com' },
      { updatedMin: '2026-01-01T00:00:00Z' },
      { showDeleted: 'false' },
    ]
    for (const extra of extras) {
      const res = await list({ syncToken: token, ...extra })
      expect(res.status, JSON.stringify(extra)).toBe(400)
    }
  })

  it('a malformed token is 400 "Invalid sync token value."; an invalidated one the exact 410 fullSyncRequired body', async () => {
    const bad = await list({ syncToken: 'not-a-token' })
    expect(bad.status).toBe(400)
    expect((bad.body as unknown as { error: { message: string } }).error.message).toBe('Invalid sync token value.')
    const token = await fullSync()
    fake.syncTokens.invalidate()
    const gone = await list({ syncToken: token })
    expect(gone.status).toBe(410)
    expect(gone.body).toEqual({
      error: {
        errors: [
          {
            domain: 'calendar',
            reason: 'fullSyncRequired',
            message: 'Sync token is no longer valid, a full sync is required.',
            locationType: 'parameter',
            location: 'syncToken',
          },
        ],
        code: 410,
        message: 'Sync token is no longer valid, a full sync is required.',
      },
    })
    // A fresh full sync gives a token that works again.
    expect((await list({ syncToken: await fullSync() })).status).toBe(200)
  })

  it('an incremental round that pages repeats the same syncToken; a page can be retried; the next token covers changes made meanwhile', async () => {
    const token = await fullSync()
    for (let i = 0; i < 5; i++) await api('POST', LIST, eventBody(`page${i}aaaa`, 8 + i))
    const p1 = await list({ syncToken: token, maxResults: '2' })
    const p2 = await list({ syncToken: token, maxResults: '2', pageToken: p1.body.nextPageToken ?? '' })
    const again = await list({ syncToken: token, maxResults: '2', pageToken: p1.body.nextPageToken ?? '' })
    expect(again.body.items.map((e) => e.id)).toEqual(p2.body.items.map((e) => e.id))
    // Someone edits while we page: the pages stay stable, the change comes in the next round.
    fake.external.update(CAL, 'page0aaaa', { summary: 'Edited meanwhile' })
    const p3 = await list({ syncToken: token, maxResults: '2', pageToken: p2.body.nextPageToken ?? '' })
    expect([p1, p2, p3].flatMap((p) => p.body.items.map((e) => e.id))).toEqual(['page0aaaa', 'page1aaaa', 'page2aaaa', 'page3aaaa', 'page4aaaa'])
    expect(p3.body.nextPageToken).toBeUndefined()
    const next = await list({ syncToken: p3.body.nextSyncToken ?? '' })
    expect(next.body.items.map((e) => e.id)).toEqual(['page0aaaa'])
    // A page token must come with the same query it was issued for.
    expect((await list({ maxResults: '2', pageToken: p1.body.nextPageToken ?? '' })).status).toBe(400)
  })

  it('a failed page 3 of 5 leaves the earlier token valid: the whole round can be redone', async () => {
    for (let i = 0; i < 10; i++) fake.external.create(CAL, { summary: `e${i}` })
    fake.fault({ match: { method: 'GET', pathRegex: '/events$', nth: 3 }, respond: { status: 500 } })
    const p1 = await list({ maxResults: '2' })
    const p2 = await list({ maxResults: '2', pageToken: p1.body.nextPageToken ?? '' })
    const p3 = await list({ maxResults: '2', pageToken: p2.body.nextPageToken ?? '' })
    expect(p3.status).toBe(500)
    expect(reasonOf(p3.body)).toBe('backendError')
    const retry = await list({ maxResults: '2', pageToken: p2.body.nextPageToken ?? '' })
    expect(retry.status).toBe(200)
    expect(retry.body.items).toHaveLength(2)
  })

  it('tombstones: in increments always, in full lists only with showDeleted; purged past retention → 410 for older tokens', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z')
    await fake.close()
    fake = await startFakeGoogle({ now: () => new Date(now), tombstoneRetentionDays: 30, accessTokenTtlS: 90 * 86_400 })
    fake.addCalendar({ id: CAL, summary: 'Shop' })
    api = await rawApi(fake)
    await api('POST', LIST, eventBody('keepmeaaaa'))
    await api('POST', LIST, eventBody('dropmeaaaa'))
    const token = await fullSync()
    expect((await api('DELETE', `${LIST}/dropmeaaaa`)).status).toBe(204)
    expect((await list({ syncToken: token })).body.items).toEqual([{ kind: 'calendar#event', etag: expect.any(String), id: 'dropmeaaaa', status: 'cancelled' }])
    expect((await list({})).body.items.map((e) => e.id)).toEqual(['keepmeaaaa'])
    expect((await list({ showDeleted: 'true' })).body.items.map((e) => e.status)).toEqual(['confirmed', 'cancelled'])
    now += 31 * 86_400_000
    // The client's token predates the purged tombstone: it could miss a deletion, so 410.
    const old = await list({ syncToken: token })
    expect(old.status).toBe(410)
    expect(reasonOf(old.body)).toBe('fullSyncRequired')
    expect((await list({ showDeleted: 'true' })).body.items.map((e) => e.id)).toEqual(['keepmeaaaa'])
  })

  it('maxResults: default 250, capped at 2500, below 1 refused', async () => {
    for (let i = 0; i < 260; i++) fake.external.create(CAL, { summary: `bulk ${i}` })
    const first = await list({})
    expect(first.body.items).toHaveLength(250)
    expect(first.body.nextPageToken).toBeTruthy()
    expect((await list({ maxResults: '9999' })).body.items).toHaveLength(260)
    expect((await list({ maxResults: '0' })).status).toBe(400)
  })

  it('timeMin/timeMax window a full list', async () => {
    await api('POST', LIST, eventBody('earlyaaaaa', 7))
    await api('POST', LIST, eventBody('lateaaaaaa', 15))
    const res = await list({ timeMin: '2026-03-02T12:00:00Z', timeMax: '2026-03-03T00:00:00Z' })
    expect(res.body.items.map((e) => e.id)).toEqual(['lateaaaaaa'])
    expect((await list({ timeMin: 'yesterday' })).status).toBe(400)
  })
})
