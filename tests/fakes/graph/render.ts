import { utcToWall } from './tz'
import type { GraphEventRecord } from './types'

export interface RenderOptions {
  baseUrl: string
  upn: string
  /** `Prefer: outlook.timezone`, UTC if absent. */
  timeZone: string
  immutableIds: boolean
  /** `$expand=singleValueExtendedProperties($filter=id eq '…')`: which ones to include (null = not expanded). */
  expandProps: ((id: string) => boolean) | null
}

export function idOf(e: GraphEventRecord, immutable: boolean): string {
  const ids = e.removedIds ?? { restId: e.restId, immutableId: e.immutableId }
  return immutable ? ids.immutableId : ids.restId
}

/** An event as Graph v1.0 returns it. Extended properties only under $expand; transactionId only if set. */
export function renderEvent(e: GraphEventRecord, o: RenderOptions): Record<string, unknown> {
  const id = idOf(e, o.immutableIds)
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${e.changeKey}"`,
    id,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    changeKey: e.changeKey,
    categories: e.categories,
    ...(e.transactionId ? { transactionId: e.transactionId } : {}),
    originalStartTimeZone: e.originalStartTimeZone,
    originalEndTimeZone: e.originalEndTimeZone,
    iCalUId: e.iCalUId,
    uid: e.iCalUId,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    isReminderOn: e.isReminderOn,
    hasAttachments: false,
    subject: e.subject,
    bodyPreview: e.body.content.replace(/<[^>]+>/g, '').slice(0, 255),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: e.isAllDay,
    isCancelled: e.isCancelled,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: e.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: e.body,
    start: { dateTime: utcToWall(e.startMs, o.timeZone), timeZone: o.timeZone },
    end: { dateTime: utcToWall(e.endMs, o.timeZone), timeZone: o.timeZone },
    location: { displayName: e.location.displayName, locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: e.location.displayName ? [{ displayName: e.location.displayName, locationType: 'default', uniqueIdType: 'unknown' }] : [],
    recurrence: null,
    attendees: [],
    organizer: { emailAddress: { name: 'Shop Owner', address: o.upn } },
  }
  if (o.expandProps) out['singleValueExtendedProperties'] = e.extendedProperties.filter((p) => o.expandProps?.(p.id))
  return out
}

export function removedItem(e: GraphEventRecord, immutable: boolean): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.event', id: idOf(e, immutable), '@removed': { reason: 'deleted' } }
}
