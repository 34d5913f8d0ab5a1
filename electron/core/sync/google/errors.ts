import { SyncFailure, type SyncFailureKind } from '../failure'

/**
 * A classified Google failure: what a failed Google call means for the sync
 * (docs/sync-notes.md §2 "Limits and errors"). Classified once here so push and pull decide
 * by kind, never by status codes scattered about; they see it as a `SyncFailure`.
 */
export class GoogleFailure extends SyncFailure {
  constructor(kind: SyncFailureKind, status: number | null, reason: string | null, message: string, retryAfterMs: number | null = null) {
    super(kind, status, reason, message, retryAfterMs)
    this.name = 'GoogleFailure'
  }
}

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded'])

interface ErrorLike {
  status?: number
  code?: string | number
  message?: string
  response?: { status?: number; data?: unknown; headers?: unknown }
}

const headerValue = (headers: unknown, name: string): string | null => {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name)
  if (headers && typeof headers === 'object') {
    const v = (headers as Record<string, unknown>)[name]
    return typeof v === 'string' ? v : null
  }
  return null
}

/** `Retry-After` in seconds (possibly fractional) or an HTTP date, as milliseconds. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs)
}

export function classifyGoogleError(error: unknown): GoogleFailure {
  if (error instanceof GoogleFailure) return error
  const e = (error ?? {}) as ErrorLike
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : null)
  const data = e.response?.data as { error?: string | { errors?: Array<{ reason?: string }>; message?: string }; error_description?: string } | undefined
  const oauthError = typeof data?.error === 'string' ? data.error : null
  const apiError = typeof data?.error === 'object' ? data.error : undefined
  const reason = oauthError ?? apiError?.errors?.[0]?.reason ?? null
  const message = data?.error_description ?? apiError?.message ?? e.message ?? String(error)
  const retryAfter = retryAfterMs(headerValue(e.response?.headers, 'retry-after'), Date.now())
  if (status === null) return new GoogleFailure('server', null, String(e.code ?? 'network'), message)
  if (oauthError === 'invalid_grant') return new GoogleFailure('auth', status, reason, message)
  if (status === 401) return new GoogleFailure('unauthorized', status, reason, message)
  if (status === 429 || (status === 403 && reason !== null && RATE_REASONS.has(reason))) {
    return new GoogleFailure('rate', status, reason, message, retryAfter)
  }
  if (status >= 500) return new GoogleFailure('server', status, reason, message, retryAfter)
  if (status === 409) return new GoogleFailure('duplicate', status, reason, message)
  if (status === 412) return new GoogleFailure('precondition', status, reason, message)
  if (status === 410 && reason !== 'deleted') return new GoogleFailure('fullSync', status, reason, message)
  if (status === 400 && /sync token/i.test(message)) return new GoogleFailure('fullSync', status, reason, message)
  if (status === 404 || status === 410) return new GoogleFailure('gone', status, reason, message)
  return new GoogleFailure('client', status, reason, message)
}
