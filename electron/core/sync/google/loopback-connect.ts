import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Credentials } from 'google-auth-library'
import type { OAuth2Client } from './client'

type AuthUrlOptions = NonNullable<Parameters<OAuth2Client['generateAuthUrl']>[0]>

/** Calendar events and the calendar list; offline access for a refresh token. */
export const GOOGLE_SCOPES = ['https://www.googleapis.com/auth/calendar']
const CALLBACK_PATH = '/oauth2callback'

export interface LoopbackConnect {
  /** The consent page to open in the system browser. */
  authorizeUrl: string
  /** Resolves with the tokens once the browser came back with a code; rejects on a wrong state, a refusal or the timeout. */
  done: Promise<Credentials>
  /** Closes the listener now (the core is closing); `done` rejects. */
  cancel(): void
}

/**
 * OAuth 2.0 for a desktop app (RFC 8252, docs/sync-notes.md §1): authorization code with
 * PKCE S256 (the verifier from google-auth-library), a random `state`, and a listener on
 * 127.0.0.1 on a random port that takes exactly one hit on its callback path, or closes
 * after `timeoutMs`.
 *
 * @example
 * const c = await startLoopbackConnect(client, { timeoutMs: 300_000 })
 * await openExternal(c.authorizeUrl); const tokens = await c.done
 */
export async function startLoopbackConnect(client: OAuth2Client, opts: { timeoutMs: number }): Promise<LoopbackConnect> {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync()
  const state = randomBytes(24).toString('base64url')
  let settle: { resolve(c: Credentials): void; reject(e: Error): void } | undefined
  const done = new Promise<Credentials>((resolve, reject) => (settle = { resolve, reject }))
  // Nobody may be waiting yet (the caller awaits later); an early rejection must not crash the process.
  done.catch(() => undefined)

  let redirectUri = ''
  let handled = false
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== CALLBACK_PATH || handled) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    handled = true
    finish(url, res).catch(() => undefined)
  })

  const page = (res: ServerResponse, status: number, text: string) =>
    res
      .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(`<!doctype html><meta charset="utf-8"><title>Shop Scheduler</title><p>${text}</p>`)

  const close = () => {
    clearTimeout(timer)
    server.close()
    server.closeAllConnections?.()
  }

  const finish = async (url: URL, res: ServerResponse) => {
    try {
      if (url.searchParams.get('state') !== state) {
        throw new Error('The sign-in answer did not match the request (state mismatch); nothing was connected. Try again.')
      }
      const refused = url.searchParams.get('error')
      if (refused) throw new Error(refused === 'access_denied' ? 'Access was not granted in the browser.' : `Google refused: ${refused}`)
      const code = url.searchParams.get('code')
      if (!code) throw new Error('The browser came back without an authorization code.')
      const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri })
      if (!tokens.refresh_token) throw new Error('Google gave no refresh token; remove the app’s access in your Google account and connect again.')
      page(res, 200, 'Shop Scheduler is connected to Google Calendar. You can close this window.')
      settle?.resolve(tokens)
    } catch (error) {
      page(res, 400, error instanceof Error ? error.message : String(error))
      settle?.reject(error instanceof Error ? error : new Error(String(error)))
    } finally {
      close()
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`
  const timer = setTimeout(() => {
    close()
    settle?.reject(new Error('Nobody finished signing in within the time allowed; connect again.'))
  }, opts.timeoutMs)
  timer.unref()

  const authorizeUrl = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: GOOGLE_SCOPES,
    state,
    // The enum lives in the google-auth-library copy @googleapis/calendar bundles; its value is the string.
    code_challenge_method: 'S256' as AuthUrlOptions['code_challenge_method'],
    code_challenge: codeChallenge,
    redirect_uri: redirectUri,
  })
  return {
    authorizeUrl,
    done,
    cancel() {
      close()
      settle?.reject(new Error('Connecting was cancelled.'))
    },
  }
}
