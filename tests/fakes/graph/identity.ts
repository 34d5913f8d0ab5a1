import { createHash, randomUUID } from 'node:crypto'
import type { FakeClock } from '../shared/clock'
import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { randomToken } from '../shared/ids'

const NON_RESOURCE_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email'])
const GRAPH = 'https://graph.microsoft.com/'

interface Session {
  id: string
  scopes: string[]
  offline: boolean
  openid: boolean
  revoked: boolean
}

interface AuthCode {
  sessionId: string
  redirectUri: string
  challenge: string
  nonce: string | undefined
  expiresAtMs: number
  used: boolean
}

export interface IdentityConfig {
  clientId: string
  tenantId: string
  userPrincipalName: string
  oid: string
  accessTokenTtlS: number
  invalidateRotatedRefreshTokens: boolean
  clock: FakeClock
}

export type GraphAuth = { ok: true; user: string } | { ok: false }

/** Loopback redirects Entra accepts for public clients: http localhost/127.0.0.1, any port; [::1] is not supported. */
function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri)
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && u.hash === ''
  } catch {
    return false
  }
}

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url')
}

/** Login endpoints of a Microsoft identity platform (v2.0) tenant for a public client app. */
export class FakeIdentity {
  private sessions = new Map<string, Session>()
  private refresh = new Map<string, { sessionId: string; valid: boolean }>()
  private access = new Map<string, { sessionId: string; expiresAtMs: number }>()
  private codes = new Map<string, AuthCode>()
  private nextRefreshError: 'expired' | 'interaction_required' | null = null
  private refreshesServed = 0
  decision: 'allow' | 'access_denied' = 'allow'

  constructor(private readonly cfg: IdentityConfig) {}

  reset(): void {
    this.sessions.clear()
    this.refresh.clear()
    this.access.clear()
    this.codes.clear()
    this.nextRefreshError = null
    this.refreshesServed = 0
    this.decision = 'allow'
  }

  issued(): number {
    return this.refreshesServed
  }

  expireAll(): void {
    const now = this.cfg.clock.nowMs()
    for (const t of this.access.values()) t.expiresAtMs = Math.min(t.expiresAtMs, now - 1)
  }

  /** Every refresh token dies: the next refresh gets invalid_grant AADSTS700082. */
  expireRefreshTokens(): void {
    for (const r of this.refresh.values()) r.valid = false
    this.nextRefreshError = 'expired'
  }

  /** The next refreshes answer interaction_required (MFA or consent needed) until a new sign-in. */
  requireInteraction(): void {
    this.nextRefreshError = 'interaction_required'
  }

  revokeAll(): void {
    for (const s of this.sessions.values()) s.revoked = true
  }

  /** The OpenID configuration document, with endpoints on `base` (the fake, or a host MSAL is told to trust). */
  openidConfiguration(base: string, tenant: string): Record<string, unknown> {
    const t = tenant === 'common' || tenant === 'organizations' || tenant === 'consumers' ? '{tenantid}' : tenant
    return {
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/${t}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
      kerberos_endpoint: `${base}/${tenant}/kerberos`,
      tenant_region_scope: null,
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    }
  }

  /** `GET /common/discovery/instance`: the cloud discovery answer MSAL asks for first. */
  discoveryInstance(base: string, tenant: string): Record<string, unknown> {
    const host = new URL(base).host
    return {
      tenant_discovery_endpoint: `${base}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }
  }

  authorize(req: FakeRequest): FakeResponse {
    const q = req.query
    const page = (code: string, text: string): FakeResponse => ({
      status: 400,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: `<!doctype html><title>Sign in to your account</title><p>${code}: ${text}</p>`,
    })
    if (q.get('client_id') !== this.cfg.clientId)
      return page('AADSTS700016', `Application with identifier '${q.get('client_id') ?? ''}' was not found in the directory.`)
    const redirectUri = q.get('redirect_uri') ?? ''
    if (!isLoopback(redirectUri))
      return page('AADSTS50011', `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application.`)
    if (q.get('response_type') !== 'code') return page('AADSTS900144', "The request body must contain the following parameter: 'response_type'.")
    const challenge = q.get('code_challenge') ?? ''
    if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return page('AADSTS9002325', 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.')
    }
    const target = new URL(redirectUri)
    const state = q.get('state')
    // As on Entra: `response_mode=form_post` answers a page that POSTs the parameters to the
    // redirect URI (MSAL Node 3+ asks for it); otherwise a 302 with them in the query.
    const answer = (to: URL): FakeResponse => {
      if (q.get('response_mode') !== 'form_post') return { status: 302, headers: { Location: to.toString() } }
      const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
      const fields = [...to.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('')
      const action = `${to.origin}${to.pathname}`
      return {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: `<!doctype html><title>Working...</title><body onload="document.forms[0].submit()"><form method="POST" action="${esc(action)}">${fields}</form></body>`,
      }
    }
    if (this.decision === 'access_denied') {
      target.searchParams.set('error', 'access_denied')
      target.searchParams.set('error_description', 'AADSTS65004: User declined to consent to access the app.')
      if (state) target.searchParams.set('state', state)
      return answer(target)
    }
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean)
    const session: Session = {
      id: randomUUID(),
      scopes: scopes.filter((s) => !NON_RESOURCE_SCOPES.has(s)).map((s) => (s.startsWith('https://') ? s : GRAPH + s)),
      offline: scopes.includes('offline_access'),
      openid: scopes.includes('openid'),
      revoked: false,
    }
    this.sessions.set(session.id, session)
    this.nextRefreshError = null
    const code = `M.C5${randomToken(40)}`
    this.codes.set(code, {
      sessionId: session.id,
      redirectUri,
      challenge,
      nonce: q.get('nonce') ?? undefined,
      expiresAtMs: this.cfg.clock.nowMs() + 10 * 60_000,
      used: false,
    })
    target.searchParams.set('code', code)
    if (q.get('client_info') === '1') target.searchParams.set('client_info', this.clientInfo())
    if (state) target.searchParams.set('state', state)
    target.searchParams.set('session_state', session.id)
    return answer(target)
  }

  token(req: FakeRequest, base: string): FakeResponse {
    if (req.method !== 'POST') return this.fail(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.')
    const form = new URLSearchParams(req.body.toString('utf8'))
    if (form.get('client_id') !== this.cfg.clientId) {
      return this.fail(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory.`)
    }
    if (form.has('client_secret') || form.has('client_assertion')) {
      return this.fail(401, 'invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.")
    }
    const grant = form.get('grant_type')
    if (grant === 'authorization_code') return this.redeem(form, base)
    if (grant === 'refresh_token') return this.refreshGrant(form, base)
    return this.fail(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`)
  }

  private redeem(form: URLSearchParams, base: string): FakeResponse {
    const code = this.codes.get(form.get('code') ?? '')
    if (!code) return this.fail(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.')
    if (code.used)
      return this.fail(
        400,
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      )
    if (code.expiresAtMs < this.cfg.clock.nowMs())
      return this.fail(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.')
    if (form.get('redirect_uri') !== code.redirectUri)
      return this.fail(400, 'invalid_grant', 50011, 'The redirect URI specified in the request does not match the one used to obtain the authorization code.')
    const verifier = form.get('code_verifier') ?? ''
    if (!verifier) return this.fail(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'code_verifier'.")
    if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
      return this.fail(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.')
    }
    code.used = true
    const session = this.sessions.get(code.sessionId)
    if (!session) return this.fail(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.')
    return this.tokens(session, base, code.nonce, form.get('client_info') === '1')
  }

  private refreshGrant(form: URLSearchParams, base: string): FakeResponse {
    const entry = this.refresh.get(form.get('refresh_token') ?? '')
    const session = entry ? this.sessions.get(entry.sessionId) : undefined
    if (this.nextRefreshError === 'interaction_required') {
      return this.fail(
        400,
        'interaction_required',
        50076,
        'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
        'basic_action',
      )
    }
    if (!entry || !session || !entry.valid || session.revoked) {
      return this.fail(
        400,
        'invalid_grant',
        700082,
        'The refresh token has expired due to inactivity. The token was issued on 2026-01-01T00:00:00.0000000Z and was inactive for 90.00:00:00.',
      )
    }
    if (this.cfg.invalidateRotatedRefreshTokens) entry.valid = false
    this.refreshesServed += 1
    return this.tokens(session, base, undefined, form.get('client_info') === '1')
  }

  private clientInfo(): string {
    return b64url({ uid: this.cfg.oid, utid: this.cfg.tenantId })
  }

  private tokens(session: Session, base: string, nonce: string | undefined, clientInfo: boolean): FakeResponse {
    const now = this.cfg.clock.nowMs()
    const access = `EwBfake${randomToken(40)}`
    this.access.set(access, { sessionId: session.id, expiresAtMs: now + this.cfg.accessTokenTtlS * 1000 })
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: session.scopes.join(' '),
      expires_in: this.cfg.accessTokenTtlS,
      ext_expires_in: this.cfg.accessTokenTtlS,
      access_token: access,
    }
    if (session.offline) {
      // A new refresh token on every use; the caller must store it.
      const refresh = `1.AXfake${randomToken(60)}`
      this.refresh.set(refresh, { sessionId: session.id, valid: true })
      body['refresh_token'] = refresh
    }
    if (session.openid) {
      const iat = Math.floor(now / 1000)
      const claims = {
        aud: this.cfg.clientId,
        iss: `${base}/${this.cfg.tenantId}/v2.0`,
        iat,
        nbf: iat,
        exp: iat + 3600,
        name: 'Shop Owner',
        oid: this.cfg.oid,
        preferred_username: this.cfg.userPrincipalName,
        sub: createHash('sha256').update(this.cfg.oid).digest('base64url').slice(0, 43),
        tid: this.cfg.tenantId,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      }
      // Unsigned on purpose (a test fake): clients that verify signatures must be pointed elsewhere.
      body['id_token'] = `${b64url({ typ: 'JWT', alg: 'RS256', kid: 'fake' })}.${b64url(claims)}.ZmFrZS1zaWduYXR1cmU`
    }
    if (clientInfo) body['client_info'] = this.clientInfo()
    return json(200, body)
  }

  authenticate(req: FakeRequest): GraphAuth {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers['authorization'] ?? '')
    const token = m ? this.access.get(m[1] ?? '') : undefined
    const session = token ? this.sessions.get(token.sessionId) : undefined
    if (!token || !session || session.revoked || token.expiresAtMs <= this.cfg.clock.nowMs()) return { ok: false }
    return { ok: true, user: this.cfg.userPrincipalName }
  }

  private fail(status: number, error: string, code: number, text: string, suberror?: string): FakeResponse {
    const traceId = randomUUID()
    const correlationId = randomUUID()
    const ts = this.cfg.clock.now().toISOString().replace('T', ' ').slice(0, 19) + 'Z'
    return json(status, {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${ts}`,
      error_codes: [code],
      timestamp: ts,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      ...(suberror ? { suberror } : {}),
    })
  }
}
