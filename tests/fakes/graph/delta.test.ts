import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGraph, type FakeGraph } from './index'
import { graphClient, signInGraph, type GraphResponse } from './connect'

let fake: FakeGraph
let g: ReturnType<typeof graphClient>
const WINDOW = `startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z`

beforeEach(async () => {
  fake = await startFakeGraph()
  g = graphClient(fake, (await signInGraph(fake)).access_token)
})
afterEach(async () => {
  await fake.close()
})

type Item = { id: string; subject?: string; '@removed'?: { reason: string } }

/** Follows nextLinks to the deltaLink; returns every item and the deltaLink. */
async function round(first: string, pageSize = 2): Promise<{ pages: GraphResponse[]; items: Item[]; deltaLink: string }> {
  const pages: GraphResponse[] = []
  let link: string | undefined = first
  while (link) {
    const page = await g('GET', link, undefined, { Prefer: `odata.maxpagesize=${pageSize}` })
    if (page.status !== 200) throw new Error(`delta page ${page.status}: ${JSON.stringify(page.body)}`)
    pages.push(page)
    link = page.body['@odata.nextLink'] as string | undefined
  }
  const deltaLink = String(pages[pages.length - 1]?.body['@odata.deltaLink'])
  return { pages, items: pages.flatMap((p) => p.body['value'] as Item[]), deltaLink }
}

function seed(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      fake.external.create(fake.defaultCalendarId, { subject: `Job ${i}`, start: `2026-03-0${i + 1}T09:00:00Z`, end: `2026-03-0${i + 1}T10:00:00Z` }).id,
  )
}

describe('fake Graph calendarView/delta', () => {
  it('pages with nextLink ($skiptoken) and ends with a deltaLink ($deltatoken); only the window counts', async () => {
    const ids = seed(5)
    fake.external.create(fake.defaultCalendarId, { subject: 'Outside', start: '2026-05-01T09:00:00Z', end: '2026-05-01T10:00:00Z' })
    const r = await round(`/me/calendarView/delta?${WINDOW}`)
    expect(r.pages.map((p) => (p.body['value'] as Item[]).length)).toEqual([2, 2, 1])
    expect(r.pages.slice(0, 2).every((p) => String(p.body['@odata.nextLink']).includes('$skiptoken=') && !p.body['@odata.deltaLink'])).toBe(true)
    expect(r.deltaLink).toContain('$deltatoken=')
    expect(r.items.map((i) => i.id)).toEqual(ids)
  })

  it('the first call needs the window; $select, $expand, $filter, $orderby, $search are refused', async () => {
    expect((await g('GET', '/me/calendarView/delta')).status).toBe(400)
    for (const p of ['$select=subject', '$expand=attachments', "$filter=subject eq 'x'", '$orderby=start', '$search=x']) {
      expect((await g('GET', `/me/calendarView/delta?${WINDOW}&${p}`)).status, p).toBe(400)
    }
  })

  it('the next round brings changes; deletes and moves out of the window come as @removed (GET tells them apart)', async () => {
    const [a, b, c] = seed(3)
    const first = await round(`/me/calendarView/delta?${WINDOW}`)
    fake.external.update(a ?? '', { subject: 'Job 0 (edited)' })
    fake.external.delete(b ?? '')
    fake.external.move(c ?? '', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z')
    const next = await round(first.deltaLink)
    expect(next.items).toEqual([
      expect.objectContaining({ id: a, subject: 'Job 0 (edited)' }),
      { '@odata.type': '#microsoft.graph.event', id: b, '@removed': { reason: 'deleted' } },
      { '@odata.type': '#microsoft.graph.event', id: c, '@removed': { reason: 'deleted' } },
    ])
    expect((await g('GET', `/me/events/${encodeURIComponent(b ?? '')}`)).status).toBe(404)
    expect((await g('GET', `/me/events/${encodeURIComponent(c ?? '')}`)).status).toBe(200)
    expect((await round(next.deltaLink)).items).toEqual([])
  })

  it('knobs: empty pages with a nextLink, and replayed items', async () => {
    seed(3)
    fake.delta.setKnobs({ emptyPagesWithNextLink: 2, replayProbability: 1 })
    const r = await round(`/me/calendarView/delta?${WINDOW}`)
    expect(r.pages.map((p) => (p.body['value'] as Item[]).length)).toEqual([0, 0, 2, 3])
    expect(new Set(r.items.map((i) => i.id)).size).toBe(3)
  })

  it('expired delta token: 410 with a Location to restart, or 400 syncStateNotFound', async () => {
    seed(1)
    const first = await round(`/me/calendarView/delta?${WINDOW}`)
    fake.delta.expire('410')
    const gone = await g('GET', first.deltaLink)
    expect(gone.status).toBe(410)
    const restart = gone.headers.get('location') ?? ''
    expect(restart).toContain('/v1.0/me/calendarView/delta?startDateTime=2026-03-01T00:00:00.000Z')
    const fresh = await round(restart)
    expect(fresh.items).toHaveLength(1)
    fake.delta.expire('syncStateNotFound')
    const lost = await g('GET', fresh.deltaLink)
    expect(lost.status).toBe(400)
    expect((lost.body['error'] as { code: string }).code).toBe('syncStateNotFound')
  })

  it('per calendar: /me/calendars/{id}/calendarView/delta sees a move away as @removed', async () => {
    const other = fake.addCalendar({ name: 'Bay 2' })
    const ev = fake.external.create(other.id, { subject: 'In bay 2', start: '2026-03-03T09:00:00Z', end: '2026-03-03T10:00:00Z' })
    const base = `/me/calendars/${encodeURIComponent(other.id)}/calendarView/delta?${WINDOW}`
    const first = await round(base)
    expect(first.items.map((i) => i.id)).toEqual([ev.id])
    fake.external.moveToCalendar(ev.id, fake.defaultCalendarId)
    expect((await round(first.deltaLink)).items).toEqual([{ '@odata.type': '#microsoft.graph.event', id: ev.id, '@removed': { reason: 'deleted' } }])
  })
})
