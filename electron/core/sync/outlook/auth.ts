import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node'
import type { SecretStore } from '../../secrets/secret-store'
import { MS_LOGIN_URL, type OutlookEndpoints } from '../config'
import { OutlookFailure } from './errors'

/**
 * Delegated Graph scopes; MSAL adds `openid profile` itself (docs/sync-notes.md §1).
 * Calendars.ReadWrite is named by its full Graph URI because that is how the token answer
 * names it: MSAL finds the cached access token only when the scopes match, and would
 * otherwise refresh (and rotate the refresh token) on every call.
 */
export const OUTLOOK_SCOPES = ['offline_access', 'https://graph.microsoft.com/Calendars.ReadWrite']

/** The SecretStore key of an Outlook account's MSAL token cache (refresh token included). */
export const outlookTokenKey = (accountId: number): string => `outlook:${accountId}`

/**
 * MSAL's token cache kept in the SecretStore: read before every cache access, written after
 * any change. MSAL awaits `afterCacheAccess` before it answers a token, so a refresh token
 * Entra just rotated is stored (encrypted) before the call that needed it goes out; a crash
 * or a restart never loses the grant. The cache is never logged.
 */
export function secretStoreCachePlugin(secrets: SecretStore, key: string): ICachePlugin {
  return {
    async beforeCacheAccess(c) {
      const stored = await secrets.get(key)
      if (stored) c.tokenCache.deserialize(stored)
    },
    async afterCacheAccess(c) {
      if (c.cacheHasChanged) await secrets.set(key, c.tokenCache.serialize())
    },
  }
}

/**
 * MSAL's HTTP through the core's `fetch` port. MSAL refuses an `http://` authority
 * (`authority_uri_insecure`, sync-notes §0.5), so it always sees Microsoft's real host; when
 * SHOP_MS_LOGIN_URL points elsewhere (a fake in tests) requests to the real host go there
 * and answers naming that host are rewritten back, so discovery stays consistent.
 */
export function msalNetwork(fetchPort: typeof fetch, login: string): INetworkModule {
  const out = (url: string) => (login === MS_LOGIN_URL ? url : url.replace(MS_LOGIN_URL, login))
  const back = (text: string) => (login === MS_LOGIN_URL ? text : text.split(login).join(MS_LOGIN_URL))
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const res = await fetchPort(out(url), { method, headers: options?.headers ?? {}, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) })
    const text = back(await res.text())
    let body: unknown = {}
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      body = { error: 'invalid_response', error_description: `The sign-in service answered ${res.status} without JSON` }
    }
    return { status: res.status, headers: Object.fromEntries(res.headers), body: body as T }
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  }
}

/** The authorize URL as the user's browser must open it (on the configured host). */
export const browserUrl = (url: string, endpoints: OutlookEndpoints): string =>
  endpoints.login === MS_LOGIN_URL ? url : url.replace(MS_LOGIN_URL, endpoints.login)

export interface MsalDeps {
  clientId: string
  endpoints: OutlookEndpoints
  fetch: typeof fetch
  secrets: SecretStore
  accountId: number
}

/** One public client application per account, its cache in the SecretStore under `outlook:<id>`. */
export function msalApp(d: MsalDeps): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: d.clientId, authority: `${MS_LOGIN_URL}/${d.endpoints.tenant}` },
    cache: { cachePlugin: secretStoreCachePlugin(d.secrets, outlookTokenKey(d.accountId)) },
    system: { networkClient: msalNetwork(d.fetch, d.endpoints.login) },
  })
}

/** What an MSAL failure means here: a dead grant needs a reconnect; anything else is retried later. */
export function classifyMsalError(error: unknown): OutlookFailure {
  if (error instanceof OutlookFailure) return error
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof InteractionRequiredAuthError) return new OutlookFailure('auth', 400, error.errorCode, message)
  if (error instanceof ServerError && (error.errorCode === 'invalid_grant' || error.errorCode === 'interaction_required')) {
    return new OutlookFailure('auth', 400, error.errorCode, message)
  }
  if (error instanceof ServerError) return new OutlookFailure('server', null, error.errorCode, message)
  return new OutlookFailure('server', null, 'network', message)
}

export interface TokenSource {
  /**
   * A valid access token (a cached one, or refreshed: the rotated refresh token saved first).
   * `refused`: the token a 401 came back for; refreshed only if it is still the current one,
   * so requests refused together cost one refresh.
   */
  token(opts?: { refused?: string }): Promise<string>
  account(): Promise<AccountInfo>
  /** Access tokens obtained by refreshing (for tests and the round summary). */
  refreshes(): number
}

/**
 * Access tokens for one account from its cache. Serialised: two calls needing a refresh at
 * once would spend the same refresh token twice, and Entra rotates it on every use.
 */
export function tokenSource(app: PublicClientApplication): TokenSource {
  let chain: Promise<unknown> = Promise.resolve()
  let refreshes = 0
  let current: string | null = null
  const account = async (): Promise<AccountInfo> => {
    const [first] = await app.getTokenCache().getAllAccounts()
    if (!first) throw new OutlookFailure('auth', null, 'no_tokens', 'This account has no sign-in stored; connect it again.')
    return first
  }
  const one = async (refused: string | undefined): Promise<string> => {
    if (refused !== undefined && current !== null && current !== refused) return current
    const force = refused !== undefined
    const acct = await account()
    let result: AuthenticationResult
    try {
      result = await app.acquireTokenSilent({ account: acct, scopes: OUTLOOK_SCOPES, forceRefresh: force })
    } catch (error) {
      throw classifyMsalError(error)
    }
    if (!result.fromCache) refreshes += 1
    current = result.accessToken
    return result.accessToken
  }
  return {
    token(opts = {}) {
      const next = chain.then(() => one(opts.refused))
      chain = next.catch(() => undefined)
      return next
    },
    account,
    refreshes: () => refreshes,
  }
}
