import { SyncFailure, type SyncFailureKind } from '../failure'
import { retryAfterMs } from '../google/errors'

/** A classified Graph or identity failure (docs/sync-notes.md §3). */
export class OutlookFailure extends SyncFailure {
  constructor(kind: SyncFailureKind, status: number | null, reason: string | null, message: string, retryAfter: number | null = null) {
    super(kind, status, reason, message, retryAfter)
    this.name = 'OutlookFailure'
  }
}

/**
 * Graph's answer by status and `error.code`: 429 / 503 / 504 back off (Retry-After honoured,
 * fractional seconds included); 410 and `syncStateNotFound` mean the deltaLink expired;
 * 404 `ErrorItemNotFound` is gone; 412 `ErrorIrresolvableConflict` a stale change key.
 */
export function classifyGraphResponse(status: number, body: unknown, retryAfter: string | null): OutlookFailure {
  const err = (body as { error?: { code?: string; message?: string } } | null)?.error
  const code = err?.code ?? null
  const message = `Outlook answered ${status}${code ? ` ${code}` : ''}${err?.message ? `: ${err.message}` : ''}`
  const wait = retryAfterMs(retryAfter, Date.now())
  if (status === 401) return new OutlookFailure('unauthorized', status, code, message)
  if (status === 429 || status === 503 || status === 504) return new OutlookFailure('rate', status, code, message, wait)
  if (status >= 500) return new OutlookFailure('server', status, code, message, wait)
  if (status === 410 || code === 'syncStateNotFound' || code === 'resyncRequired' || /syncStateNotFound/i.test(err?.message ?? '')) {
    return new OutlookFailure('fullSync', status, code, message)
  }
  if (status === 404) return new OutlookFailure('gone', status, code, message)
  if (status === 412) return new OutlookFailure('precondition', status, code, message)
  if (status === 409) return new OutlookFailure('duplicate', status, code, message)
  return new OutlookFailure('client', status, code, message)
}
