export interface GraphDateTime {
  dateTime: string
  timeZone: string
}

export interface GraphExtendedProperty {
  id: string
  value: string
}

/** The stored form of an event; responses are shaped from it per request (time zone, ids, $expand). */
export interface GraphEventRecord {
  /** REST id: changes when the event moves to another calendar (unless ImmutableId is asked for). */
  restId: string
  immutableId: string
  calendarId: string
  changeKey: string
  createdDateTime: string
  lastModifiedDateTime: string
  iCalUId: string
  subject: string
  body: { contentType: 'text' | 'html'; content: string }
  /** UTC instants (ms). */
  startMs: number
  endMs: number
  originalStartTimeZone: string
  originalEndTimeZone: string
  isAllDay: boolean
  isCancelled: boolean
  showAs: string
  categories: string[]
  reminderMinutesBeforeStart: number
  isReminderOn: boolean
  location: { displayName: string }
  transactionId: string | null
  extendedProperties: GraphExtendedProperty[]
  deleted: boolean
  /** For the tombstone a move leaves behind: the ids the old calendar's clients knew. */
  removedIds?: { restId: string; immutableId: string }
  /** Change-log position of the last change (delta rounds return seq > token). */
  seq: number
}

export interface FakeGraphOptions {
  port?: number
  clientId?: string
  tenantId?: string
  userPrincipalName?: string
  accessTokenTtlS?: number /* default 3599 */
  /** Old refresh tokens stop working once rotated (default false: they stay valid, as on Entra). */
  invalidateRotatedRefreshTokens?: boolean
  /** Duplicate transactionId on POST: answer the existing event with 201 (default) or 409. */
  duplicateTransaction?: 201 | 409
  /** Moving an event to another calendar changes its REST id unless `Prefer: IdType="ImmutableId"` (default true). */
  idsChangeOnMove?: boolean
  /** Max concurrent API requests per mailbox before 429 (default 4). */
  maxInFlight?: number
  /** Requests per 10 minutes per mailbox (default 10000; null = off). */
  ratePer10Min?: number | null
  /** Artificial latency per API call, so concurrency limits can be hit (default 0). */
  latencyMs?: number
  /** Default delta page size when no `Prefer: odata.maxpagesize` (default 10). */
  deltaPageSize?: number
  now?: () => Date
}
