import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { SecretStore } from '../secrets/secret-store'

/** Environment the sync reads; passed to `createCore({ env })` so tests never touch `process.env`. */
export type SyncEnv = Readonly<Record<string, string | undefined>>

export const GOOGLE_CLIENT_SECRET_KEY = 'google:client-secret'
export const DEFAULT_SYNC_INTERVAL_S = 300

export interface GoogleEndpoints {
  authorize: string
  token: string
  revoke: string
  /** Root of `calendar/v3/...`, with a trailing slash. */
  apiRoot: string
}

export interface GoogleClientConfig {
  clientId: string | null
  clientSecret: string | null
  source: 'settings' | 'environment' | 'none'
  endpoints: GoogleEndpoints
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/**
 * Google's real hosts unless SHOP_GOOGLE_OAUTH_URL (authorize at `<url>/o/oauth2/v2/auth`,
 * token at `<url>/token`, revoke at `<url>/revoke`) or SHOP_GOOGLE_API_URL point elsewhere.
 */
export function googleEndpoints(env: SyncEnv): GoogleEndpoints {
  const oauth = env.SHOP_GOOGLE_OAUTH_URL ? trimSlash(env.SHOP_GOOGLE_OAUTH_URL) : null
  return {
    authorize: oauth ? `${oauth}/o/oauth2/v2/auth` : 'https://accounts.google.com/o/oauth2/v2/auth',
    token: oauth ? `${oauth}/token` : 'https://oauth2.googleapis.com/token',
    revoke: oauth ? `${oauth}/revoke` : 'https://oauth2.googleapis.com/revoke',
    apiRoot: `${trimSlash(env.SHOP_GOOGLE_API_URL ?? 'https://www.googleapis.com')}/`,
  }
}

/**
 * The OAuth client the shop uses: the one entered in Settings wins (a shop or reseller
 * registers its own "Desktop app" client), else SHOP_GOOGLE_CLIENT_ID / _SECRET (a packaged
 * build may set them as defaults). Without any, connecting says what is missing.
 */
export async function googleClientConfig(db: Kysely<Database>, secrets: SecretStore, env: SyncEnv): Promise<GoogleClientConfig> {
  const row = await db.selectFrom('sync_settings').select('google_client_id').executeTakeFirstOrThrow()
  const endpoints = googleEndpoints(env)
  if (row.google_client_id) {
    return {
      clientId: row.google_client_id,
      clientSecret: (await secrets.get(GOOGLE_CLIENT_SECRET_KEY)) ?? null,
      source: 'settings',
      endpoints,
    }
  }
  if (env.SHOP_GOOGLE_CLIENT_ID) {
    return { clientId: env.SHOP_GOOGLE_CLIENT_ID, clientSecret: env.SHOP_GOOGLE_CLIENT_SECRET ?? null, source: 'environment', endpoints }
  }
  return { clientId: null, clientSecret: null, source: 'none', endpoints }
}

/** SHOP_SYNC_INTERVAL_S, default five minutes; nonsense falls back to the default. */
export function syncIntervalSeconds(env: SyncEnv): number {
  const n = Number(env.SHOP_SYNC_INTERVAL_S)
  return Number.isFinite(n) && n >= 1 ? n : DEFAULT_SYNC_INTERVAL_S
}

export const MS_LOGIN_URL = 'https://login.microsoftonline.com'
export const MS_GRAPH_URL = 'https://graph.microsoft.com'

export interface OutlookEndpoints {
  /** Where the identity platform really is: `<login>/<tenant>/oauth2/v2.0/...`. */
  login: string
  /** Root of `v1.0/...`, without a trailing slash. */
  graph: string
  tenant: string
}

export interface OutlookClientConfig {
  clientId: string | null
  source: 'settings' | 'environment' | 'none'
  endpoints: OutlookEndpoints
}

/**
 * The Microsoft (Entra) public client id entered in Settings, else SHOP_MS_CLIENT_ID; the
 * identity host SHOP_MS_LOGIN_URL and Graph's SHOP_GRAPH_URL, the real hosts by default.
 * A public client has no secret (docs/sync-notes.md §1).
 */
export async function outlookClientConfig(db: Kysely<Database>, env: SyncEnv): Promise<OutlookClientConfig> {
  const row = await db.selectFrom('sync_settings').select('ms_client_id').executeTakeFirstOrThrow()
  const endpoints: OutlookEndpoints = {
    login: trimSlash(env.SHOP_MS_LOGIN_URL || MS_LOGIN_URL),
    graph: trimSlash(env.SHOP_GRAPH_URL || MS_GRAPH_URL),
    tenant: 'common',
  }
  if (row.ms_client_id) return { clientId: row.ms_client_id, source: 'settings', endpoints }
  if (env.SHOP_MS_CLIENT_ID) return { clientId: env.SHOP_MS_CLIENT_ID, source: 'environment', endpoints }
  return { clientId: null, source: 'none', endpoints }
}
