/** The parts of a Calendar v3 Event resource the fake keeps (others sent by clients are kept as given). */
export interface GoogleEventDateTime {
  date?: string
  dateTime?: string
  timeZone?: string
}

export interface GoogleEvent {
  kind: 'calendar#event'
  etag: string
  id: string
  status: 'confirmed' | 'tentative' | 'cancelled'
  htmlLink?: string
  created?: string
  updated?: string
  summary?: string
  description?: string
  location?: string
  colorId?: string
  creator?: { email?: string; self?: boolean }
  organizer?: { email?: string; displayName?: string; self?: boolean }
  start?: GoogleEventDateTime
  end?: GoogleEventDateTime
  recurringEventId?: string
  originalStartTime?: GoogleEventDateTime
  iCalUID?: string
  sequence?: number
  transparency?: 'opaque' | 'transparent'
  visibility?: string
  reminders?: { useDefault?: boolean; overrides?: Array<{ method: string; minutes: number }> }
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> }
  eventType?: string
  [other: string]: unknown
}

export interface FakeCalendar {
  id: string
  summary: string
  timeZone: string
  primary: boolean
}

export interface FakeGoogleOptions {
  port?: number /* 0 = any */
  clientId?: string
  clientSecret?: string
  accessTokenTtlS?: number /* default 3599 */
  quotaPerMinute?: number | null /* per user, sliding window; null = off; default 600 */
  now?: () => Date /* virtual clock; default real */
  /** How an over-quota request is answered (default 403 userRateLimitExceeded, no Retry-After). */
  quotaError?: { status: 403 | 429; reason?: 'rateLimitExceeded' | 'userRateLimitExceeded'; retryAfter?: boolean }
  /** "Testing" publishing status: refresh tokens die 7 (virtual) days after consent. */
  testingMode?: boolean
  /** Cancelled events older than this vanish from lists; sync tokens older than the purge get 410. */
  tombstoneRetentionDays?: number
  /** Re-inserting the id of a deleted event: 409 duplicate (default true, as reported by sync tools). */
  duplicateOnDeletedId?: boolean
  /** Most calls one batch request may carry (default 1000, Google's current limit; it used to be 50). */
  batchLimit?: number
  /** The signed-in user's email; also the id of the primary calendar (default shop.owner@example.com). */
  userEmail?: string
}
