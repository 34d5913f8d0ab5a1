import { randomUUID } from 'node:crypto'
import type { FakeResponse } from '../shared/http'

/** Graph's error envelope: {error:{code,message,innerError:{date,request-id,client-request-id}}}. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse {
  const requestId = randomUUID()
  return {
    status,
    headers: { 'request-id': requestId, ...headers },
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  }
}

export const gerrors = {
  badRequest: (message: string, code = 'BadRequest'): FakeResponse => graphError(400, code, message),
  invalidToken: (): FakeResponse => graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'),
  missingToken: (): FakeResponse => graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  notFound: (): FakeResponse => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  conflict412: (): FakeResponse =>
    graphError(412, 'ErrorIrresolvableConflict', 'The change key passed in the request does not match the current change key for the item.'),
  duplicateTransaction: (): FakeResponse => graphError(409, 'ErrorDuplicateTransactionId', 'An item with the same transaction id already exists.'),
  tooManyRequests: (retryAfterS: number): FakeResponse => {
    const r = graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': retryAfterS.toFixed(3) })
    const body = r.body as { error: { innerError: Record<string, string> } }
    body.error.innerError = { code: '429', message: 'Please retry after', status: '429', ...body.error.innerError }
    return r
  },
  syncStateNotFound: (): FakeResponse => graphError(400, 'syncStateNotFound', 'The sync state generation is not found.'),
  resyncRequired: (location: string): FakeResponse =>
    graphError(410, 'resyncRequired', 'Resync required. Replace any local cached items with the items returned by the delta link in the Location header.', {
      Location: location,
    }),
  failedDependency: (): FakeResponse => graphError(424, 'FailedDependency', 'The request failed because a request it depends on failed.'),
  methodNotAllowed: (): FakeResponse => graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  serviceUnavailable: (): FakeResponse => graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': '2.000' }),
}

export function defaultGraphFaultBody(status: number): unknown {
  const byStatus: Record<number, () => FakeResponse> = {
    400: () => gerrors.badRequest('Bad request.'),
    401: gerrors.invalidToken,
    404: gerrors.notFound,
    409: gerrors.duplicateTransaction,
    412: gerrors.conflict412,
    429: () => gerrors.tooManyRequests(1),
    503: gerrors.serviceUnavailable,
  }
  return (byStatus[status] ?? (() => graphError(status, status >= 500 ? 'InternalServerError' : 'BadRequest', `HTTP ${status}`)))().body
}
