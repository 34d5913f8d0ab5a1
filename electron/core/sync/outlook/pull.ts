import type { calendar_v3 } from '@googleapis/calendar'
import type { SyncCalendarRow } from '../../db/database'
import type { PulledCalendar } from '../pull'
import type { OutlookCalls } from './client'
import { OutlookFailure } from './errors'
import { toEngineEvent, type GraphEvent } from './events'
import { timeSlice } from '../pacing'

export interface OutlookReadOptions {
  installId: string
  /** The window a fresh delta covers (from, to). */
  window: { start: string; end: string }
  pageSize?: number
}

const DAY = 86_400_000
/** A month back and thirteen ahead: the plan's horizon plus what was just worked. */
export const deltaWindow = (now: Date) => ({ start: new Date(now.getTime() - 31 * DAY).toISOString(), end: new Date(now.getTime() + 400 * DAY).toISOString() })

/**
 * Reads one calendar's changes through `calendarView/delta` (docs/sync-notes.md §3 "Delta"):
 * follows every `nextLink` to the `deltaLink`, which is returned as the calendar's new token
 * and saved only with the last applied batch. Replays are applied once (the last copy of an
 * id wins). `@removed` is confirmed with a GET before anything is unbooked: an event moved
 * out of the window comes back as a change, only a 404 is a delete. An expired deltaLink (410,
 * or `syncStateNotFound`) starts one fresh delta over the window: nothing is deleted for being
 * absent, so queued local edits survive and are pushed after.
 */
export async function readOutlookCalendar(calls: OutlookCalls, calendar: SyncCalendarRow, opts: OutlookReadOptions): Promise<PulledCalendar> {
  const fresh = `/me/calendars/${encodeURIComponent(calendar.remote_id)}/calendarView/delta?startDateTime=${encodeURIComponent(opts.window.start)}&endDateTime=${encodeURIComponent(opts.window.end)}`
  let url = calendar.sync_token ?? fresh
  for (let restarts = 0; ; restarts++) {
    const byId = new Map<string, GraphEvent>()
    try {
      for (;;) {
        const page = await calls.call<{ value?: GraphEvent[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string }>({
          method: 'GET',
          url,
          headers: { Prefer: `odata.maxpagesize=${opts.pageSize ?? 100}` },
        })
        for (const ev of page.body.value ?? []) if (ev.id) byId.set(ev.id, ev)
        const next = page.body['@odata.nextLink']
        if (next) {
          url = next
          continue
        }
        const items = await confirmRemovals(calls, [...byId.values()], opts.installId)
        return { calendar, items, nextSyncToken: page.body['@odata.deltaLink'] ?? null }
      }
    } catch (error) {
      if (error instanceof OutlookFailure && error.kind === 'fullSync' && restarts === 0) {
        url = fresh
        continue
      }
      throw error
    }
  }
}

/**
 * The engine's events, in delta order. Converting one costs zone arithmetic, so a full delta
 * (every event of the window) is converted in time slices with a turn of the event loop
 * between them; the removals' GETs go out meanwhile.
 */
async function confirmRemovals(calls: OutlookCalls, events: GraphEvent[], installId: string): Promise<calendar_v3.Schema$Event[]> {
  const out: calendar_v3.Schema$Event[] = new Array<calendar_v3.Schema$Event>(events.length)
  const confirming: Array<Promise<void>> = []
  const slice = timeSlice()
  for (const [i, ev] of events.entries()) {
    if (!ev['@removed']) out[i] = toEngineEvent(ev, installId)
    else {
      const confirmed = (async () => {
        try {
          const current = await calls.call<GraphEvent>({ method: 'GET', url: `/me/events/${encodeURIComponent(ev.id)}` })
          // Still there (moved out of the window, or to a calendar we do not watch): a change, not a delete.
          out[i] = toEngineEvent({ ...current.body, transactionId: current.body.transactionId ?? ev.transactionId ?? null }, installId)
        } catch (error) {
          if (error instanceof OutlookFailure && error.kind === 'gone') out[i] = toEngineEvent(ev, installId, true)
          else throw error
        }
      })()
      // Handled here so a failure while the loop still yields is not an unhandled rejection; Promise.all below reports it.
      confirmed.catch(() => undefined)
      confirming.push(confirmed)
    }
    if (slice.due()) await slice.next()
  }
  await Promise.all(confirming)
  return out
}
