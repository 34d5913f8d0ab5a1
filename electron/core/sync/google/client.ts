import type { Credentials } from 'google-auth-library'
import { auth, calendar, type calendar_v3 } from '@googleapis/calendar'
import type { GoogleEndpoints } from '../config'
import type { SecretStore } from '../../secrets/secret-store'
import type { Logger } from '../../logger'
import { classifyGoogleError, GoogleFailure } from './errors'
import { backoffMs, sleep, type RateLimiter } from '../rate-limit'

/**
 * google-auth-library's OAuth2Client, the copy @googleapis/calendar itself is built on
 * (`auth.OAuth2`), so the API client accepts it as its auth without a cast.
 */
export type OAuth2Client = InstanceType<typeof auth.OAuth2>

export const tokenKey = (accountId: number): string => `google:${accountId}`

export interface OAuthClientOptions {
  clientId: string
  clientSecret: string | null
  endpoints: GoogleEndpoints
  fetch: typeof fetch
}

/** google-auth-library's client pointed at the configured endpoints, its HTTP through the core's `fetch` port. */
export function oauthClient(o: OAuthClientOptions): OAuth2Client {
  return new auth.OAuth2({
    clientId: o.clientId,
    ...(o.clientSecret ? { clientSecret: o.clientSecret } : {}),
    endpoints: { oauth2AuthBaseUrl: o.endpoints.authorize, oauth2TokenUrl: o.endpoints.token, oauth2RevokeUrl: o.endpoints.revoke },
    transporterOptions: { fetchImplementation: o.fetch },
    // A 403 is usually a rate limit, not a stale token: refreshing on it would waste the quota.
    forceRefreshOnFailure: false,
  })
}

export interface GoogleCalls {
  api: calendar_v3.Calendar
  oauth: OAuth2Client
  /**
   * Sends one API call: waits for the rate limiter, refreshes the access token once when
   * it is refused (401), and retries rate limits and server errors with full-jitter
   * backoff honouring Retry-After, up to `retries` times. Throws a classified `GoogleFailure`.
   */
  send<T>(call: (api: calendar_v3.Calendar, signal: AbortSignal | undefined) => Promise<{ data: T }>, opts?: { retries?: number }): Promise<T>
  /** How many times the access token was refreshed (for the round summary and tests). */
  refreshes(): number
}

export interface AccountClientDeps extends OAuthClientOptions {
  accountId: number
  secrets: SecretStore
  limiter: RateLimiter
  log: Logger
  signal?: AbortSignal
}

/**
 * A signed-in Calendar client for one account, its tokens read from and written back to
 * the secret store (never logged). Throws `GoogleFailure('auth')` when no tokens are stored.
 */
export async function accountClient(deps: AccountClientDeps): Promise<GoogleCalls> {
  const stored = await deps.secrets.get(tokenKey(deps.accountId))
  if (!stored) throw new GoogleFailure('auth', null, 'no_tokens', 'This account has no sign-in stored; connect it again.')
  const oauth = oauthClient(deps)
  oauth.setCredentials(JSON.parse(stored) as Credentials)
  let refreshes = 0
  let saving: Promise<void> = Promise.resolve()
  oauth.on('tokens', (tokens) => {
    refreshes += 1
    // Google usually sends no new refresh token on refresh: keep the one we have.
    const merged: Credentials = { ...oauth.credentials, ...tokens, refresh_token: tokens.refresh_token ?? oauth.credentials.refresh_token }
    saving = saving
      .then(() => deps.secrets.set(tokenKey(deps.accountId), JSON.stringify(merged)))
      .catch((error: unknown) => deps.log.error('Saving a refreshed Google sign-in failed', error))
  })
  const api = calendar({ version: 'v3', auth: oauth, rootUrl: deps.endpoints.apiRoot, retry: false })

  const send: GoogleCalls['send'] = async (call, opts = {}) => {
    const retries = opts.retries ?? 4
    let refreshedFor: string | null | undefined
    for (let attempt = 0; ; attempt++) {
      await deps.limiter.take(deps.signal)
      const tokenUsed = oauth.credentials.access_token
      try {
        const { data } = await call(api, deps.signal)
        await saving
        return data
      } catch (error) {
        if (deps.signal?.aborted) throw error
        const failure = classifyGoogleError(error)
        if (failure.kind === 'unauthorized' && refreshedFor === undefined) {
          refreshedFor = tokenUsed
          // Another call may have refreshed meanwhile; only force one when the token that failed is still current.
          if (oauth.credentials.access_token === tokenUsed) oauth.setCredentials({ ...oauth.credentials, expiry_date: 1 })
          attempt -= 1
          continue
        }
        if (failure.kind === 'unauthorized') throw new GoogleFailure('auth', 401, failure.reason, failure.message)
        if ((failure.kind === 'rate' || failure.kind === 'server') && attempt < retries) {
          await sleep(backoffMs(attempt, failure.retryAfterMs), deps.signal)
          continue
        }
        throw failure
      }
    }
  }
  return { api, oauth, send, refreshes: () => refreshes }
}
