import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library'
import { calendar, type calendar_v3 } from '@googleapis/calendar'
import type { FakeGoogle } from './index'

export const CALENDAR_EVENTS = 'https://www.googleapis.com/auth/calendar.events'
export const CALENDAR_LIST = 'https://www.googleapis.com/auth/calendar.calendarlist.readonly'

/**
 * A real google-auth-library client whose endpoints point at the fake. `forceRefreshOnFailure`:
 * without it the client refreshes on a 401 only when it has no expiry_date, so a token the
 * server expired early (tokens.expireAll) would just fail.
 */
export function oauthClientFor(fake: FakeGoogle, redirectUri = 'http://127.0.0.1:53682/cb'): OAuth2Client {
  return new OAuth2Client({
    forceRefreshOnFailure: true,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: `${fake.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${fake.url}/token`,
      oauth2RevokeUrl: `${fake.url}/revoke`,
      tokenInfoUrl: `${fake.url}/tokeninfo`,
    },
  })
}

/** Plays the browser: GET the authorize URL and read the 302 to the loopback redirect. */
export async function consent(authUrl: string): Promise<URL> {
  const res = await fetch(authUrl, { redirect: 'manual' })
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}: ${await res.text()}`)
  return new URL(location)
}

/** The whole desktop-app flow (PKCE S256 + state) with the real client; returns it signed in. */
export async function signIn(fake: FakeGoogle, scopes = [CALENDAR_EVENTS, CALENDAR_LIST]): Promise<OAuth2Client> {
  const client = oauthClientFor(fake)
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync()
  const state = 'state-' + Math.random().toString(36).slice(2)
  const authUrl = client.generateAuthUrl({
    access_type: 'offline',
    scope: scopes,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  })
  const back = await consent(authUrl)
  if (back.searchParams.get('state') !== state) throw new Error('state mismatch')
  const code = back.searchParams.get('code')
  if (!code) throw new Error(`no code: ${back.toString()}`)
  const { tokens } = await client.getToken({ code, codeVerifier })
  client.setCredentials(tokens)
  return client
}

type CalendarAuth = NonNullable<calendar_v3.Options['auth']>

/**
 * googleapis-common pins its own google-auth-library (10.5.0) next to the top-level 10.9.x, so
 * the two OAuth2Client classes are nominally different types (private members) though the
 * calendar client only calls `.request()` on it. One bridge, here, instead of casts at each call.
 */
export function asCalendarAuth(client: OAuth2Client): CalendarAuth {
  return client as unknown as CalendarAuth
}

export function calendarFor(fake: FakeGoogle, client: OAuth2Client): calendar_v3.Calendar {
  return calendar({ version: 'v3', auth: asCalendarAuth(client), rootUrl: `${fake.url}/` })
}
