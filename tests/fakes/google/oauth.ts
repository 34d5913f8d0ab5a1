import { createHash } from 'node:crypto'
import type { FakeClock } from '../shared/clock'
import { json, type FakeRequest, type FakeResponse } from '../shared/http'
import { randomToken } from '../shared/ids'
import { errors } from './errors'

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000
const CODE_TTL_MS = 10 * 60 * 1000
const TESTING_MODE_REFRESH_S = 604_799

interface Grant {
  id: string
  user: string
  scope: string
  refreshToken: string
  createdAtMs: number
  revoked: boolean
}

interface AccessToken {
  token: string
  grantId: string
  expiresAtMs: number
}

interface AuthCode {
  clientId: string
  redirectUri: string
  challenge: string
  scope: string
  user: string
  expiresAtMs: number
  used: boolean
}

export interface OAuthConfig {
  clientId: string
  clientSecret: string
  accessTokenTtlS: number
  testingMode: boolean
  userEmail: string
  clock: FakeClock
}

export type Authenticated = { ok: true; user: string; scope: string[] } | { ok: false; response: FakeResponse }

/** Loopback redirect URIs of Google's "Desktop app" clients: http, loopback host, any port. */
export function isLoopbackRedirect(uri: string): boolean {
  let u: URL
  try {
    u = new URL(uri)
  } catch {
    return false
  }
  return u.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname) && u.hash === ''
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

function htmlError(error: string, detail: string): FakeResponse {
  // Google shows an error page in the browser (no redirect) for a bad client or redirect URI.
  return {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>Error 400: ${error}</title><h1>Access blocked: Authorization Error</h1><p>Error 400: ${error}</p><p>${detail}</p>`,
  }
}

function oauthError(status: number, error: string, description: string): FakeResponse {
  return json(status, { error, error_description: description })
}

function formOf(req: FakeRequest): URLSearchParams {
  const type = req.headers['content-type'] ?? ''
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>
      return new URLSearchParams(Object.entries(parsed).map(([k, v]): [string, string] => [k, String(v)]))
    } catch {
      return new URLSearchParams()
    }
  }
  return new URLSearchParams(req.body.toString('utf8'))
}

/** Google's OAuth 2.0 endpoints for an installed app: authorize (PKCE S256), token, revoke. */
export class FakeGoogleOAuth {
  private grants = new Map<string, Grant>()
  private byRefresh = new Map<string, Grant>()
  private access = new Map<string, AccessToken>()
  private codes = new Map<string, AuthCode>()
  private refreshesServed = 0
  decision: 'allow' | 'access_denied' = 'allow'

  constructor(private readonly cfg: OAuthConfig) {}

  reset(): void {
    this.grants.clear()
    this.byRefresh.clear()
    this.access.clear()
    this.codes.clear()
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

  /** The user revoked the app's access (Google account page): every grant dies. */
  revokeAll(): void {
    for (const g of this.grants.values()) g.revoked = true
  }

  /** Grants in a state a person can read on the admin API (no token values). */
  summary(): Array<{ user: string; scope: string; revoked: boolean; createdAt: string; accessTokens: number }> {
    return [...this.grants.values()].map((g) => ({
      user: g.user,
      scope: g.scope,
      revoked: g.revoked,
      createdAt: new Date(g.createdAtMs).toISOString(),
      accessTokens: [...this.access.values()].filter((t) => t.grantId === g.id).length,
    }))
  }

  authorize(req: FakeRequest): FakeResponse {
    const q = req.query
    const clientId = q.get('client_id')
    if (clientId !== this.cfg.clientId) return htmlError('invalid_client', 'The OAuth client was not found.')
    const redirectUri = q.get('redirect_uri') ?? ''
    if (!isLoopbackRedirect(redirectUri)) {
      return htmlError('redirect_uri_mismatch', `Loopback redirect required (http://127.0.0.1:<port>/…), got "${redirectUri}".`)
    }
    if (q.get('response_type') !== 'code') return htmlError('invalid_request', 'response_type must be "code".')
    const scope = q.get('scope') ?? ''
    if (!scope.trim()) return htmlError('invalid_request', 'Missing required parameter: scope')
    const challenge = q.get('code_challenge') ?? ''
    // Stricter than Google on purpose: the app must use PKCE S256 and a state (RFC 8252).
    if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return htmlError('invalid_request', 'PKCE with code_challenge_method=S256 is required.')
    }
    const state = q.get('state')
    if (!state) return htmlError('invalid_request', 'Missing required parameter: state')

    const target = new URL(redirectUri)
    target.searchParams.set('state', state)
    if (this.decision === 'access_denied') {
      target.searchParams.set('error', 'access_denied')
      return { status: 302, headers: { Location: target.toString() } }
    }
    const code = `4/0fake-${randomToken(30)}`
    this.codes.set(code, {
      clientId,
      redirectUri,
      challenge,
      scope,
      user: q.get('login_hint') || this.cfg.userEmail,
      expiresAtMs: this.cfg.clock.nowMs() + CODE_TTL_MS,
      used: false,
    })
    target.searchParams.set('code', code)
    target.searchParams.set('scope', scope)
    return { status: 302, headers: { Location: target.toString() } }
  }

  token(req: FakeRequest): FakeResponse {
    if (req.method !== 'POST') return errors.methodNotAllowed()
    const form = formOf(req)
    let clientId = form.get('client_id')
    let secret = form.get('client_secret')
    const basic = req.headers['authorization']
    if (basic?.startsWith('Basic ')) {
      const [id, sec] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':')
      clientId = id ?? null
      secret = sec ?? null
    }
    if (clientId !== this.cfg.clientId) return oauthError(401, 'invalid_client', 'The OAuth client was not found.')
    // Desktop-app clients still send their (non-secret) secret to /token.
    if (secret !== this.cfg.clientSecret) return oauthError(401, 'invalid_client', 'Unauthorized')

    const grantType = form.get('grant_type')
    if (grantType === 'authorization_code') return this.exchangeCode(form)
    if (grantType === 'refresh_token') return this.refresh(form)
    return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`)
  }

  private exchangeCode(form: URLSearchParams): FakeResponse {
    const codeValue = form.get('code') ?? ''
    const code = this.codes.get(codeValue)
    if (!code) return oauthError(400, 'invalid_grant', 'Malformed auth code.')
    if (code.used || code.expiresAtMs < this.cfg.clock.nowMs()) return oauthError(400, 'invalid_grant', 'Bad Request')
    if (form.get('redirect_uri') !== code.redirectUri) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request')
    const verifier = form.get('code_verifier')
    if (!verifier) return oauthError(400, 'invalid_request', 'Missing code verifier.')
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.challenge) {
      return oauthError(400, 'invalid_grant', 'Bad Request')
    }
    code.used = true
    const grant: Grant = {
      id: randomToken(8),
      user: code.user,
      scope: code.scope,
      refreshToken: `1//fake-${randomToken(40)}`,
      createdAtMs: this.cfg.clock.nowMs(),
      revoked: false,
    }
    this.grants.set(grant.id, grant)
    this.byRefresh.set(grant.refreshToken, grant)
    return json(200, {
      access_token: this.mintAccess(grant),
      expires_in: this.cfg.accessTokenTtlS,
      refresh_token: grant.refreshToken,
      ...(this.cfg.testingMode ? { refresh_token_expires_in: TESTING_MODE_REFRESH_S } : {}),
      scope: grant.scope,
      token_type: 'Bearer',
    })
  }

  private refresh(form: URLSearchParams): FakeResponse {
    const grant = this.byRefresh.get(form.get('refresh_token') ?? '')
    if (!grant || !this.grantAlive(grant)) {
      return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.')
    }
    this.refreshesServed += 1
    // Google keeps the refresh token: the response has none.
    return json(200, {
      access_token: this.mintAccess(grant),
      expires_in: this.cfg.accessTokenTtlS,
      scope: grant.scope,
      token_type: 'Bearer',
    })
  }

  revoke(req: FakeRequest): FakeResponse {
    if (req.method !== 'POST' && req.method !== 'GET') return errors.methodNotAllowed()
    const token = req.query.get('token') ?? formOf(req).get('token') ?? ''
    const grant = this.byRefresh.get(token) ?? this.grants.get(this.access.get(token)?.grantId ?? '')
    if (!grant || grant.revoked) return oauthError(400, 'invalid_token', 'Token expired or revoked')
    // Revoking either token of a grant ends the whole grant.
    grant.revoked = true
    return json(200, {})
  }

  authenticate(req: FakeRequest): Authenticated {
    const header = req.headers['authorization']
    if (!header) return { ok: false, response: errors.loginRequired() }
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    const token = m ? this.access.get(m[1] ?? '') : undefined
    const grant = token ? this.grants.get(token.grantId) : undefined
    if (!token || !grant || grant.revoked || token.expiresAtMs <= this.cfg.clock.nowMs()) {
      return { ok: false, response: errors.authError() }
    }
    return { ok: true, user: grant.user, scope: grant.scope.split(/\s+/) }
  }

  private grantAlive(grant: Grant): boolean {
    if (grant.revoked) return false
    if (this.cfg.testingMode && this.cfg.clock.nowMs() - grant.createdAtMs >= SEVEN_DAYS_MS) return false
    return true
  }

  private mintAccess(grant: Grant): string {
    const token = `ya29.fake-${randomToken(40)}`
    this.access.set(token, { token, grantId: grant.id, expiresAtMs: this.cfg.clock.nowMs() + this.cfg.accessTokenTtlS * 1000 })
    return token
  }
}
