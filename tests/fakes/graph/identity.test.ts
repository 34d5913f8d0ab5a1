import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeGraph, type FakeGraph } from './index'
import { REDIRECT, SCOPES, signInGraph } from './connect'

let fake: FakeGraph
beforeEach(async () => {
  fake = await startFakeGraph()
})
afterEach(async () => {
  await fake.close()
})

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fake.url}/common/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('fake Microsoft identity platform', () => {
  it('serves the discovery documents MSAL reads, with endpoints on the fake', async () => {
    const oidc = (await (await fetch(`${fake.url}/common/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>
    expect(oidc['token_endpoint']).toBe(`${fake.url}/common/oauth2/v2.0/token`)
    expect(oidc['authorization_endpoint']).toBe(`${fake.url}/common/oauth2/v2.0/authorize`)
    expect(oidc['issuer']).toBe(`${fake.url}/{tenantid}/v2.0`)
    const inst = (await (await fetch(`${fake.url}/common/discovery/instance?api-version=1.1`)).json()) as {
      tenant_discovery_endpoint: string
      metadata: unknown[]
    }
    expect(inst.tenant_discovery_endpoint).toBe(`${fake.url}/common/v2.0/.well-known/openid-configuration`)
    expect(JSON.parse(fake.msal.authorityMetadata())['token_endpoint']).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token')
  })

  it('auth code + PKCE gives access, refresh and id tokens; every refresh rotates the refresh token', async () => {
    const t = await signInGraph(fake)
    expect(t).toMatchObject({ scope: 'https://graph.microsoft.com/Calendars.ReadWrite', expires_in: 3599 })
    const claims = JSON.parse(Buffer.from(t.id_token?.split('.')[1] ?? '', 'base64url').toString()) as Record<string, string>
    expect(claims['aud']).toBe(fake.clientId)
    expect(claims['preferred_username']).toBe('owner@shop.example.com')
    const r1 = await token({ client_id: fake.clientId, grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '', scope: SCOPES })
    expect(r1.status).toBe(200)
    expect(r1.body['refresh_token']).toBeTruthy()
    expect(r1.body['refresh_token']).not.toBe(t.refresh_token)
    expect(r1.body['ext_expires_in']).toBe(3599)
    expect(fake.tokens.issued()).toBe(1)
  })

  it('a public client must not send a secret; a wrong verifier or [::1] redirect is refused', async () => {
    const withSecret = await token({ client_id: fake.clientId, client_secret: 'x', grant_type: 'refresh_token', refresh_token: 'r' })
    expect(withSecret.status).toBe(401)
    expect(withSecret.body['error']).toBe('invalid_client')
    expect(withSecret.body['error_codes']).toEqual([700025])
    const ipv6 = await fetch(
      `${fake.url}/common/oauth2/v2.0/authorize?${new URLSearchParams({ client_id: fake.clientId, response_type: 'code', redirect_uri: 'http://[::1]:5000/', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' })}`,
      { redirect: 'manual' },
    )
    expect(ipv6.status).toBe(400)
    expect(await ipv6.text()).toContain('AADSTS50011')
    const q = new URLSearchParams({
      client_id: fake.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: SCOPES,
      state: 's',
      code_challenge: 'b'.repeat(43),
      code_challenge_method: 'S256',
    })
    const code =
      new URL((await fetch(`${fake.url}/common/oauth2/v2.0/authorize?${q}`, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ??
      ''
    const bad = await token({ client_id: fake.clientId, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: 'c'.repeat(43) })
    expect(bad.body['error']).toBe('invalid_grant')
  })

  it('expired refresh tokens → invalid_grant AADSTS700082 with the full error shape; interaction_required knob', async () => {
    const t = await signInGraph(fake)
    fake.tokens.requireInteraction()
    const ir = await token({ client_id: fake.clientId, grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '' })
    expect(ir.body['error']).toBe('interaction_required')
    fake.tokens.expireRefreshTokens()
    const dead = await token({ client_id: fake.clientId, grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '' })
    expect(dead.status).toBe(400)
    expect(dead.body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] })
    expect(String(dead.body['error_description'])).toMatch(/^AADSTS700082: /)
    for (const k of ['timestamp', 'trace_id', 'correlation_id']) expect(dead.body[k]).toBeTruthy()
  })

  it('knob: rotated refresh tokens stop working', async () => {
    await fake.close()
    fake = await startFakeGraph({ invalidateRotatedRefreshTokens: true })
    const t = await signInGraph(fake)
    const form = { client_id: fake.clientId, grant_type: 'refresh_token', refresh_token: t.refresh_token ?? '' }
    expect((await token(form)).status).toBe(200)
    expect((await token(form)).body['error']).toBe('invalid_grant')
  })
})
