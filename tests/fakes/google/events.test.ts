import type { calendar_v3 } from '@googleapis/calendar'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGoogle, type FakeGoogle } from './index'
import { calendarFor, signIn } from './connect'

const SHOP = 'shop-cal@group.calendar.google.com'
let fake: FakeGoogle
let cal: calendar_v3.Calendar

beforeEach(async () => {
  fake = await startFakeGoogle()
  fake.addCalendar({ id: SHOP, summary: 'Garage bookings', timeZone: 'Europe/Berlin' })
  cal = calendarFor(fake, await signIn(fake))
})
afterEach(async () => {
  await fake.close()
})

const booking = (id: string, day = '2026-03-02', hour = 9): calendar_v3.Schema$Event => ({
  id,
  summary: `Inspection ${id.slice(0, 4)}`,
  start: { dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`, timeZone: 'Europe/Berlin' },
  end: { dateTime: `${day}T${String(hour + 1).padStart(2, '0')}:00:00`, timeZone: 'Europe/Berlin' },
  extendedProperties: { private: { shopScheduler: '1' } },
})

/** The status and Google error reason of a failed client call. */
async function failure(p: Promise<unknown>): Promise<{ status: number; reason: string | undefined }> {
  try {
    await p
  } catch (e) {
    const err = e as { status?: number; response?: { status: number; data?: { error?: { errors?: Array<{ reason?: string }> } } } }
    return { status: err.response?.status ?? err.status ?? 0, reason: err.response?.data?.error?.errors?.[0]?.reason }
  }
  throw new Error('expected the call to fail')
}

describe('fake Google Calendar v3 through @googleapis/calendar', () => {
  it('lists the calendars with the primary one marked', async () => {
    const res = await cal.calendarList.list()
    expect(res.data.kind).toBe('calendar#calendarList')
    const byId = new Map(res.data.items?.map((c) => [c.id, c]))
    expect(byId.get('shop.owner@example.com')?.primary).toBe(true)
    expect(byId.get(SHOP)).toMatchObject({ summary: 'Garage bookings', timeZone: 'Europe/Berlin', accessRole: 'owner' })
  })

  it('inserts with a custom base32hex id, refuses a duplicate (also of a deleted id) and a bad id', async () => {
    const ins = await cal.events.insert({ calendarId: SHOP, sendUpdates: 'none', requestBody: booking('a1b2c3d4e5g1') })
    expect(ins.status).toBe(200)
    expect(ins.data).toMatchObject({ kind: 'calendar#event', id: 'a1b2c3d4e5g1', status: 'confirmed', iCalUID: 'a1b2c3d4e5g1@google.com', sequence: 0 })
    expect(ins.data.etag).toMatch(/^"\d+"$/)
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: booking('a1b2c3d4e5g1') }))).toEqual({ status: 409, reason: 'duplicate' })
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: booking('UPPER-case_id') }))).toEqual({ status: 400, reason: 'invalid' })
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: booking('wxyz0') }))).toEqual({ status: 400, reason: 'invalid' })
    await cal.events.delete({ calendarId: SHOP, eventId: 'a1b2c3d4e5g1' })
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: booking('a1b2c3d4e5g1') }))).toEqual({ status: 409, reason: 'duplicate' })
    expect(fake.events(SHOP)).toHaveLength(0)
  })

  it('updates with If-Match: the current etag wins, a stale one gets 412 conditionNotMet and changes nothing', async () => {
    const first = (await cal.events.insert({ calendarId: SHOP, requestBody: booking('bookingaaa1') })).data
    const upd = await cal.events.update(
      { calendarId: SHOP, eventId: 'bookingaaa1', requestBody: { ...booking('bookingaaa1', '2026-03-02', 11), summary: 'Moved' } },
      { headers: { 'If-Match': first.etag ?? '' } },
    )
    expect(upd.data.summary).toBe('Moved')
    expect(upd.data.etag).not.toBe(first.etag)
    expect(upd.data.sequence).toBe(1)
    expect(upd.data.extendedProperties?.private).toEqual({ shopScheduler: '1' })
    const stale = cal.events.patch(
      { calendarId: SHOP, eventId: 'bookingaaa1', requestBody: { summary: 'Lost' } },
      { headers: { 'If-Match': first.etag ?? '' } },
    )
    expect(await failure(stale)).toEqual({ status: 412, reason: 'conditionNotMet' })
    expect(fake.events(SHOP)[0]?.summary).toBe('Moved')
    const patched = await cal.events.patch(
      { calendarId: SHOP, eventId: 'bookingaaa1', requestBody: { description: 'Bay 2' } },
      { headers: { 'If-Match': upd.data.etag ?? '' } },
    )
    expect(patched.data).toMatchObject({ summary: 'Moved', description: 'Bay 2' })
    expect(patched.data.start).toEqual({ dateTime: '2026-03-02T11:00:00', timeZone: 'Europe/Berlin' })
    // The log shows what was sent (If-Match) but never the bearer token.
    const patches = fake.requests().filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => [r.status, r.headers?.['if-match']])).toEqual([
      [412, first.etag],
      [200, upd.data.etag],
    ])
    expect(fake.requests().some((r) => r.headers && 'authorization' in r.headers)).toBe(false)
  })

  it('PUT replaces the whole event: fields left out are gone', async () => {
    await cal.events.insert({ calendarId: SHOP, requestBody: { ...booking('replaceme1'), description: 'old', location: 'Bay 1' } })
    const put = await cal.events.update({ calendarId: SHOP, eventId: 'replaceme1', requestBody: { ...booking('replaceme1'), summary: 'New' } })
    expect(put.data.description).toBeUndefined()
    expect(put.data.location).toBeUndefined()
    expect(put.data.created).toBeTruthy()
  })

  it('deletes: 204, then 410 deleted; an unknown id is 404; get still shows the cancelled event', async () => {
    await cal.events.insert({ calendarId: SHOP, requestBody: booking('deleteme1') })
    const del = await cal.events.delete({ calendarId: SHOP, eventId: 'deleteme1' })
    expect(del.status).toBe(204)
    expect(await failure(cal.events.delete({ calendarId: SHOP, eventId: 'deleteme1' }))).toEqual({ status: 410, reason: 'deleted' })
    expect(await failure(cal.events.delete({ calendarId: SHOP, eventId: 'nosuchevent1' }))).toEqual({ status: 404, reason: 'notFound' })
    expect((await cal.events.get({ calendarId: SHOP, eventId: 'deleteme1' })).data.status).toBe('cancelled')
    expect(fake.events(SHOP, { includeCancelled: true }).map((e) => e.status)).toEqual(['cancelled'])
  })

  it('rejects an event without an end, or ending before it starts', async () => {
    const { end: _end, ...noEnd } = booking('noendtime1')
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: noEnd }))).toEqual({ status: 400, reason: 'required' })
    const backwards = { ...booking('reversed01'), end: { dateTime: '2026-03-02T08:00:00', timeZone: 'Europe/Berlin' } }
    expect(await failure(cal.events.insert({ calendarId: SHOP, requestBody: backwards }))).toEqual({ status: 400, reason: 'timeRangeEmpty' })
    expect(fake.events(SHOP)).toHaveLength(0)
  })

  it('full sync in pages, sync token only on the last page, then increments with external changes and tombstones', async () => {
    for (let i = 0; i < 5; i++) await cal.events.insert({ calendarId: SHOP, requestBody: booking(`evt${i}aaaaa`, `2026-03-0${i + 2}`) })
    const pages: calendar_v3.Schema$Events[] = []
    let pageToken: string | undefined
    do {
      const res = await cal.events.list({ calendarId: SHOP, maxResults: 2, ...(pageToken ? { pageToken } : {}) })
      pages.push(res.data)
      pageToken = res.data.nextPageToken ?? undefined
    } while (pageToken)
    expect(pages.map((p) => p.items?.length)).toEqual([2, 2, 1])
    expect(pages.slice(0, 2).every((p) => p.nextPageToken && !p.nextSyncToken)).toBe(true)
    expect(pages[2]?.nextPageToken).toBeUndefined()
    const syncToken = pages[2]?.nextSyncToken ?? ''
    expect(syncToken).toBeTruthy()

    const nothing = await cal.events.list({ calendarId: SHOP, syncToken })
    expect(nothing.data.items).toEqual([])

    fake.external.move(SHOP, 'evt1aaaaa', '2026-03-03T12:00:00+01:00', '2026-03-03T13:00:00+01:00')
    fake.external.delete(SHOP, 'evt2aaaaa')
    const foreign = fake.external.create(SHOP, { summary: 'Dentist', start: { dateTime: '2026-03-04T10:00:00Z' }, end: { dateTime: '2026-03-04T11:00:00Z' } })
    const inc = await cal.events.list({ calendarId: SHOP, syncToken })
    const items = inc.data.items ?? []
    expect(items.map((e) => e.id)).toEqual(['evt1aaaaa', 'evt2aaaaa', foreign.id])
    expect(items[0]?.start?.dateTime).toBe('2026-03-03T11:00:00.000Z')
    expect(items[1]).toEqual({ kind: 'calendar#event', etag: expect.any(String), id: 'evt2aaaaa', status: 'cancelled' })
    expect(inc.data.nextSyncToken).not.toBe(syncToken)
    // A full list without showDeleted leaves the tombstone out.
    const full = await cal.events.list({ calendarId: SHOP })
    expect(full.data.items?.map((e) => e.id)).not.toContain('evt2aaaaa')
    expect(full.data.items).toHaveLength(5)
  })

  it('finds our events by private extended property on a full list', async () => {
    await cal.events.insert({ calendarId: SHOP, requestBody: booking('oursaaaaa1') })
    fake.external.create(SHOP, { summary: 'Not ours' })
    const res = await cal.events.list({ calendarId: SHOP, privateExtendedProperty: ['shopScheduler=1'] })
    expect(res.data.items?.map((e) => e.id)).toEqual(['oursaaaaa1'])
  })

  it('moves an event to another calendar keeping its id; the source increment shows it cancelled', async () => {
    const TECH = 'tech-sam@group.calendar.google.com'
    fake.addCalendar({ id: TECH, summary: 'Sam' })
    await cal.events.insert({ calendarId: SHOP, requestBody: booking('movingaaa1') })
    const full = await cal.events.list({ calendarId: SHOP })
    const moved = await cal.events.move({ calendarId: SHOP, eventId: 'movingaaa1', destination: TECH })
    expect(moved.data).toMatchObject({ id: 'movingaaa1', organizer: { email: TECH } })
    expect(fake.events(TECH).map((e) => e.id)).toEqual(['movingaaa1'])
    const inc = await cal.events.list({ calendarId: SHOP, syncToken: full.data.nextSyncToken ?? '' })
    expect(inc.data.items?.map((e) => [e.id, e.status])).toEqual([['movingaaa1', 'cancelled']])
  })

  it('colors.get gives the event palette colorId refers to', async () => {
    const colors = await cal.colors.get()
    expect(Object.keys(colors.data.event ?? {})).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
    expect(colors.data.event?.['11']?.background).toBe('#dc2127')
  })

  it('reads wall times in their zone and all-day dates from the calendar zone when windowing a list', async () => {
    // 09:00–10:00 Berlin is 08:00–09:00Z: a window from 09:30Z leaves it out, one from 08:30Z keeps it.
    await cal.events.insert({ calendarId: SHOP, requestBody: booking('berlinaaa1') })
    const ids = async (timeMin: string) => (await cal.events.list({ calendarId: SHOP, timeMin })).data.items?.map((e) => e.id)
    expect(await ids('2026-03-02T09:30:00Z')).toEqual([])
    expect(await ids('2026-03-02T08:30:00Z')).toEqual(['berlinaaa1'])
    // An all-day 3 March in a Berlin calendar starts at 2 March 23:00Z.
    await cal.events.insert({ calendarId: SHOP, requestBody: { id: 'duedateaa1', summary: 'Due', start: { date: '2026-03-03' }, end: { date: '2026-03-04' } } })
    const win = await cal.events.list({ calendarId: SHOP, timeMin: '2026-03-02T22:00:00Z', timeMax: '2026-03-02T23:30:00Z' })
    expect(win.data.items?.map((e) => e.id)).toEqual(['duedateaa1'])
  })
})
