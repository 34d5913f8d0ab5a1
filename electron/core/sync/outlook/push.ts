import type { SyncCalendarRow, SyncLinkRow } from '../../db/database'
import type { EventFacts, GoogleEventBody, ShopSide } from '../event-content'
import { recordCreated, recordDeleted, recordUpdated, saveLink, updateLink, type PushDeps } from '../push'
import type { OutlookCalls } from './client'
import { OutlookFailure } from './errors'
import { graphEventBody, OUTLOOK_TAG_PROPERTY, toEngineEvent, transactionKey, type GraphEvent } from './events'

const calendarEvents = (calendar: SyncCalendarRow) => `/me/calendars/${encodeURIComponent(calendar.remote_id)}/events`
const eventUrl = (id: string) => `/me/events/${encodeURIComponent(id)}`

/** Our event with this key, if an earlier attempt made it (a crash between the POST and our commit). */
async function findByTag(calls: OutlookCalls, calendar: SyncCalendarRow, key: string): Promise<GraphEvent | null> {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${OUTLOOK_TAG_PROPERTY}' and ep/value eq '${key.replace(/'/g, "''")}')`
  const found = await calls.call<{ value?: GraphEvent[] }>({ method: 'GET', url: `${calendarEvents(calendar)}?$filter=${encodeURIComponent(filter)}&$top=1` })
  return found.body.value?.[0] ?? null
}

/**
 * Creates our event on an Outlook calendar. The key is chosen before the network and recorded
 * as the `creating` link's remote id: the POST carries it as `transactionId` (a retried POST
 * answers the event the first one made) and as our tag property. A row still `creating` after
 * a crash is looked up by its tag before anything is posted again, and adopted if found.
 */
export async function createOutlookEvent(
  deps: PushDeps,
  calls: OutlookCalls,
  calendar: SyncCalendarRow,
  link: SyncLinkRow | null,
  facts: EventFacts,
  body: GoogleEventBody,
  shop: ShopSide,
): Promise<void> {
  const { s } = deps
  const resuming = link?.state === 'creating'
  const generation = resuming ? link.generation : (link?.generation ?? 0) + 1
  const key = transactionKey(shop.installId, facts.activityId, calendar.id, generation)
  const graphBody = graphEventBody(body)
  let made: GraphEvent | null = resuming ? await findByTag(calls, calendar, key) : null
  const adopted = made !== null
  if (made) {
    made = (
      await calls.call<GraphEvent>({
        method: 'PATCH',
        url: eventUrl(made.id),
        body: graphBody,
        headers: { 'If-Match': made['@odata.etag'] ?? '*' },
        batch: true,
      })
    ).body
  } else {
    await s.batch((ctx) => saveLink(ctx, { activity_id: facts.activityId, calendar_id: calendar.id, remote_id: key, generation, state: 'creating' }))
    made = (
      await calls.call<GraphEvent>({
        method: 'POST',
        url: calendarEvents(calendar),
        body: { ...graphBody, transactionId: key, singleValueExtendedProperties: [{ id: OUTLOOK_TAG_PROPERTY, value: key }] },
        batch: true,
      })
    ).body
  }
  const ev = toEngineEvent(made, shop.installId)
  await recordCreated(deps, { calendar, activityId: facts.activityId, remoteId: made.id, generation, event: ev, body, adopted })
}

/** PATCH with If-Match on the change key; 412 re-reads the event and tries again with its key (the local change is the newer one). */
export async function updateOutlookEvent(
  deps: PushDeps,
  calls: OutlookCalls,
  calendar: SyncCalendarRow,
  link: SyncLinkRow,
  body: GoogleEventBody,
): Promise<void> {
  let etag = link.etag ?? '*'
  for (let tries = 0; ; tries++) {
    try {
      const made = await calls.call<GraphEvent>({
        method: 'PATCH',
        url: eventUrl(link.remote_id),
        body: graphEventBody(body),
        headers: { 'If-Match': etag },
        batch: true,
      })
      await recordUpdated(deps, calendar, link, toEngineEvent(made.body, ''), body)
      return
    } catch (error) {
      if (!(error instanceof OutlookFailure)) throw error
      if (error.kind === 'precondition' && tries < 3) {
        const current = await calls.call<GraphEvent>({ method: 'GET', url: eventUrl(link.remote_id) })
        etag = current.body['@odata.etag'] ?? '*'
        continue
      }
      if (error.kind === 'gone') {
        // Deleted there while we changed it here: the next pull unbooks it; never re-created behind the user's back.
        await deps.s.batch((ctx) => updateLink(ctx, link, { state: 'deleted' }))
        return
      }
      throw error
    }
  }
}

/** DELETE with If-Match; 412 = edited there, cancelled here: the cancellation wins; 404 = done. */
export async function deleteOutlookEvent(deps: PushDeps, calls: OutlookCalls, calendar: SyncCalendarRow, link: SyncLinkRow, shop: ShopSide): Promise<void> {
  let remoteId: string | null = link.remote_id
  if (link.state === 'creating') {
    // Never confirmed: the POST may or may not have landed.
    remoteId = (await findByTag(calls, calendar, transactionKey(shop.installId, link.activity_id, calendar.id, link.generation)))?.id ?? null
  }
  const send = (ifMatch: string | null) =>
    calls.call({ method: 'DELETE', url: eventUrl(remoteId!), ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}), batch: true })
  if (remoteId) {
    try {
      await send(link.state === 'live' ? link.etag : null)
    } catch (error) {
      if (!(error instanceof OutlookFailure)) throw error
      if (error.kind === 'precondition') {
        await send(null).catch((again: unknown) => {
          if (!(again instanceof OutlookFailure && again.kind === 'gone')) throw again
        })
      } else if (error.kind !== 'gone') {
        throw error
      }
    }
  }
  await recordDeleted(deps, calendar, link)
}
