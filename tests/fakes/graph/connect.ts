import { createHash, randomBytes } from 'node:crypto'
import type { FakeGraph } from './index'

export const SCOPES = 'openid profile offline_access https://graph.microsoft.com/Calendars.ReadWrite'
export const REDIRECT = 'http://localhost:51123/redirect'

export interface GraphTokens {
  access_token: string
  refresh_token?: string
  id_token?: string
  scope: string
  expires_in: number
}

/** Auth code + PKCE by hand (MSAL isn't installed): authorize → 302 → token. */
export async function signInGraph(fake: FakeGraph, tenant = 'common'): Promise<GraphTokens> {
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const q = new URLSearchParams({
    client_id: fake.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: SCOPES,
    state: 'st8',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  const res = await fetch(`${fake.url}/${tenant}/oauth2/v2.0/authorize?${q}`, { redirect: 'manual' })
  const back = new URL(res.headers.get('location') ?? 'http://invalid/')
  const code = back.searchParams.get('code')
  if (!code) throw new Error(`no code: ${res.status} ${await res.text()}`)
  const tok = await fetch(`${fake.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: fake.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      scope: SCOPES,
    }),
  })
  if (tok.status !== 200) throw new Error(`token ${tok.status}: ${await tok.text()}`)
  return (await tok.json()) as GraphTokens
}

export interface GraphResponse {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

export function graphClient(fake: FakeGraph, token: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<GraphResponse> => {
    const url = path.startsWith('http') ? path : `${fake.url}/v1.0${path}`
    const res = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
  }
}

export const TAG = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ShopAppointmentId'

export function graphEvent(subject: string, startUtc: string, endUtc: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject,
    start: { dateTime: startUtc.replace('Z', ''), timeZone: 'UTC' },
    end: { dateTime: endUtc.replace('Z', ''), timeZone: 'UTC' },
    ...extra,
  }
}

/**
 * Plays the browser for an app's sign-in: GETs its authorize URL on the fake and submits what
 * comes back to the app's loopback listener, a 302 followed or a `form_post` page's form
 * posted. Answers the loopback's status and text.
 */
export async function playGraphBrowser(authorizeUrl: string): Promise<{ status: number; text: string }> {
  const res = await fetch(authorizeUrl, { redirect: 'manual' })
  if (res.status === 302) {
    const back = await fetch(res.headers.get('location') ?? '')
    return { status: back.status, text: await back.text() }
  }
  const html = await res.text()
  const action = /<form method="POST" action="([^"]+)"/.exec(html)?.[1]
  if (res.status !== 200 || !action) throw new Error(`The sign-in page answered ${res.status}: ${html}`)
  const unesc = (v: string) =>
    v
      .replace(/&lt;/g, '<')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  const form = new URLSearchParams()
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) form.append(unesc(m[1]!), unesc(m[2]!))
  const back = await fetch(unesc(action), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form })
  return { status: back.status, text: await back.text() }
}
