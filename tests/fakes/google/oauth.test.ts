import { CodeChallengeMethod } from 'google-auth-library'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGoogle, type FakeGoogle } from './index'
import { CALENDAR_EVENTS, calendarFor, consent, oauthClientFor, signIn } from './connect'

let fake: FakeGoogle
beforeEach(async () => {
  fake = await startFakeGoogle()
})
afterEach(async () => {
  await fake.close()
})

async function postForm(path: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('fake Google OAuth', () => {
  it('signs in with google-auth-library (PKCE S256, state, loopback on any port) and refreshes without a new refresh token', async () => {
    const client = await signIn(fake)
    expect(client.credentials.access_token).toMatch(/^ya29\./)
    expect(client.credentials.refresh_token).toBeTruthy()
    expect(client.credentials.scope).toContain(CALENDAR_EVENTS)

    const seen: Array<Record<string, unknown>> = []
    client.on('tokens', (t) => seen.push({ ...t }))
    fake.tokens.expireAll()
    const cal = calendarFor(fake, client)
    // The client still believes its token is good; the fake rejects it, the client refreshes once.
    const res = await cal.events.list({ calendarId: 'primary' })
    expect(res.status).toBe(200)
    expect(fake.tokens.issued()).toBe(1)
    expect(seen).toHaveLength(1)
    // The 'tokens' event carries no refresh token (keep the old one); the client keeps it itself.
    expect(seen[0]?.['refresh_token']).toBeUndefined()
    expect(client.credentials.refresh_token).toMatch(/^1\/\//)
    const raw = await postForm('/token', {
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: client.credentials.refresh_token ?? '',
    })
    expect(raw.status).toBe(200)
    expect(Object.keys(raw.body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type'])
    expect(raw.body['expires_in']).toBe(3599)
  })

  it('refuses a wrong PKCE verifier, a reused code and a changed redirect_uri', async () => {
    const client = oauthClientFor(fake, 'http://127.0.0.1:49152/callback')
    const { codeChallenge } = await client.generateCodeVerifierAsync()
    const url = client.generateAuthUrl({
      scope: [CALENDAR_EVENTS],
      state: 's1',
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
    })
    const back = await consent(url)
    expect(back.host).toBe('127.0.0.1:49152')
    expect(back.searchParams.get('state')).toBe('s1')
    const code = back.searchParams.get('code') ?? ''
    const base = {
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:49152/callback',
    }
    const wrong = await postForm('/token', { ...base, code_verifier: 'x'.repeat(43) })
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } })
    const otherRedirect = await postForm('/token', { ...base, redirect_uri: 'http://127.0.0.1:1/callback', code_verifier: 'x'.repeat(43) })
    expect(otherRedirect.body['error']).toBe('redirect_uri_mismatch')
  })

  it('shows an error page (no redirect) without S256, without state, or for a non-loopback redirect', async () => {
    const client = oauthClientFor(fake)
    const { codeChallenge } = await client.generateCodeVerifierAsync()
    const plain = client.generateAuthUrl({ scope: [CALENDAR_EVENTS], state: 's', code_challenge: codeChallenge })
    const noState = client.generateAuthUrl({ scope: [CALENDAR_EVENTS], code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256 })
    const remote = oauthClientFor(fake, 'https://evil.example.com/cb').generateAuthUrl({
      scope: [CALENDAR_EVENTS],
      state: 's',
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
    })
    for (const [url, error] of [
      [plain, 'invalid_request'],
      [noState, 'invalid_request'],
      [remote, 'redirect_uri_mismatch'],
    ] as const) {
      const res = await fetch(url, { redirect: 'manual' })
      expect(res.status).toBe(400)
      expect(await res.text()).toContain(`Error 400: ${error}`)
    }
  })

  it('redirects with error=access_denied when the user says no', async () => {
    fake.setAuthorizeDecision('access_denied')
    const client = oauthClientFor(fake)
    const { codeChallenge } = await client.generateCodeVerifierAsync()
    const back = await consent(
      client.generateAuthUrl({ scope: [CALENDAR_EVENTS], state: 'st', code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256 }),
    )
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('state')).toBe('st')
    expect(back.searchParams.get('code')).toBeNull()
  })

  it('a revoked grant answers invalid_grant on refresh and 401 on the API', async () => {
    const client = await signIn(fake)
    const refresh = client.credentials.refresh_token ?? ''
    await client.revokeToken(client.credentials.access_token ?? '')
    const res = await postForm('/token', { client_id: fake.clientId, client_secret: fake.clientSecret, grant_type: 'refresh_token', refresh_token: refresh })
    expect(res).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } })
    const again = await fetch(`${fake.url}/revoke?token=${encodeURIComponent(refresh)}`, { method: 'POST' })
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' })
    const api = await fetch(`${fake.url}/calendar/v3/calendars/primary/events`, { headers: { Authorization: `Bearer ${client.credentials.access_token}` } })
    expect(api.status).toBe(401)
    expect(((await api.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]?.reason).toBe('authError')
  })

  it('in testing mode a refresh token dies after 7 virtual days', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z')
    await fake.close()
    fake = await startFakeGoogle({ testingMode: true, now: () => new Date(now) })
    const client = await signIn(fake)
    const form = {
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: client.credentials.refresh_token ?? '',
    }
    now += 6 * 86_400_000
    expect((await postForm('/token', form)).status).toBe(200)
    now += 1 * 86_400_000
    expect(await postForm('/token', form)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } })
  })

  it('access tokens expire after the configured TTL on the virtual clock', async () => {
    await fake.close()
    fake = await startFakeGoogle({ accessTokenTtlS: 60 })
    const client = await signIn(fake)
    const call = () => fetch(`${fake.url}/calendar/v3/calendars/primary/events`, { headers: { Authorization: `Bearer ${client.credentials.access_token}` } })
    expect((await call()).status).toBe(200)
    fake.clock.advance(61_000)
    expect((await call()).status).toBe(401)
  })

  it('a refresh token only for access_type=offline, and again only with prompt=consent while the first grant lives', async () => {
    const online = await signIn(fake, [CALENDAR_EVENTS], { access_type: 'online' })
    expect(online.credentials.refresh_token).toBeUndefined()
    const first = await signIn(fake)
    expect(first.credentials.refresh_token).toBeTruthy()
    const again = await signIn(fake)
    expect(again.credentials.refresh_token).toBeUndefined()
    const consent = await signIn(fake, undefined, { prompt: 'consent' })
    expect(consent.credentials.refresh_token).toBeTruthy()
    // After the user revokes access, a plain sign-in is a first consent again.
    await consent.revokeToken(consent.credentials.refresh_token ?? '')
    expect((await signIn(fake)).credentials.refresh_token).toBeTruthy()
  })

  it('openid email scopes give an id_token with the account email; tokeninfo and userinfo answer too', async () => {
    const client = await signIn(fake, ['openid', 'email', CALENDAR_EVENTS])
    const claims = JSON.parse(Buffer.from(client.credentials.id_token?.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({ iss: 'https://accounts.google.com', aud: fake.clientId, email: 'shop.owner@example.com', email_verified: true })
    const info = await client.getTokenInfo(client.credentials.access_token ?? '')
    expect(info.email).toBe('shop.owner@example.com')
    expect(info.scopes).toContain(CALENDAR_EVENTS)
    const me = await fetch(`${fake.url}/oauth2/v3/userinfo`, { headers: { Authorization: `Bearer ${client.credentials.access_token}` } })
    expect(await me.json()).toMatchObject({ email: 'shop.owner@example.com' })
  })
})
