import type { FakeResponse } from '../shared/http'

/**
 * Google's JSON error envelope, bodies as documented in the Calendar "Handle API errors"
 * guide (see /work/shared/reference/sync-notes.md §2): {error:{errors:[…],code,message}}.
 */
export interface GoogleErrorItem {
  domain: string
  reason: string
  message: string
  locationType?: string
  location?: string
}

export function googleError(code: number, item: GoogleErrorItem, headers: Record<string, string> = {}): FakeResponse {
  return { status: code, headers, body: { error: { errors: [item], code, message: item.message } } }
}

export const errors = {
  badRequest: (message: string, location?: string): FakeResponse =>
    googleError(400, { domain: 'global', reason: 'badRequest', message, ...(location ? { locationType: 'parameter', location } : {}) }),
  invalid: (message: string, location?: string, locationType = 'parameter'): FakeResponse =>
    googleError(400, { domain: 'global', reason: 'invalid', message, ...(location ? { locationType, location } : {}) }),
  required: (message: string, location?: string): FakeResponse =>
    googleError(400, { domain: 'global', reason: 'required', message, ...(location ? { locationType: 'parameter', location } : {}) }),
  timeRangeEmpty: (location: string): FakeResponse =>
    googleError(400, { domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.', locationType: 'parameter', location }),
  invalidSyncToken: (): FakeResponse => errors.invalid('Invalid sync token value.', 'syncToken'),
  invalidPageToken: (): FakeResponse => errors.invalid('Invalid page token value.', 'pageToken'),
  authError: (): FakeResponse =>
    googleError(
      401,
      { domain: 'global', reason: 'authError', message: 'Invalid Credentials', locationType: 'header', location: 'Authorization' },
      { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    ),
  loginRequired: (): FakeResponse =>
    googleError(
      401,
      { domain: 'global', reason: 'required', message: 'Login Required.', locationType: 'header', location: 'Authorization' },
      { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' },
    ),
  insufficientScopes: (): FakeResponse =>
    googleError(403, { domain: 'global', reason: 'insufficientPermissions', message: 'Request had insufficient authentication scopes.' }),
  userRateLimitExceeded: (headers: Record<string, string> = {}): FakeResponse =>
    googleError(403, { domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' }, headers),
  rateLimitExceeded: (status: 403 | 429, headers: Record<string, string> = {}): FakeResponse =>
    googleError(status, { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }, headers),
  /** Calendar usage limits (not the per-minute quota): Google may leave the calendar read-only for hours. */
  quotaExceeded: (): FakeResponse => googleError(403, { domain: 'usageLimits', reason: 'quotaExceeded', message: 'Calendar usage limits exceeded.' }),
  notFound: (): FakeResponse => googleError(404, { domain: 'global', reason: 'notFound', message: 'Not Found' }),
  duplicate: (): FakeResponse => googleError(409, { domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' }),
  deleted: (): FakeResponse => googleError(410, { domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }),
  fullSyncRequired: (): FakeResponse =>
    googleError(410, {
      domain: 'calendar',
      reason: 'fullSyncRequired',
      message: 'Sync token is no longer valid, a full sync is required.',
      locationType: 'parameter',
      location: 'syncToken',
    }),
  conditionNotMet: (): FakeResponse =>
    googleError(412, { domain: 'global', reason: 'conditionNotMet', message: 'Precondition Failed', locationType: 'header', location: 'If-Match' }),
  backendError: (): FakeResponse => googleError(500, { domain: 'global', reason: 'backendError', message: 'Backend Error' }),
  methodNotAllowed: (): FakeResponse => googleError(405, { domain: 'global', reason: 'httpMethodNotAllowed', message: 'Method Not Allowed' }),
}

/** Body for a fault rule that names only a status: what Google would plausibly send for it. */
export function defaultFaultBody(status: number): unknown {
  const pick: Record<number, () => FakeResponse> = {
    400: () => errors.badRequest('Bad Request'),
    401: errors.authError,
    403: () => errors.rateLimitExceeded(403),
    404: errors.notFound,
    409: errors.duplicate,
    410: errors.fullSyncRequired,
    412: errors.conditionNotMet,
    429: () => errors.rateLimitExceeded(429),
    500: errors.backendError,
  }
  const made = pick[status]
  if (made) return made().body
  return googleError(status, { domain: 'global', reason: 'backendError', message: `HTTP ${status}` }).body
}
