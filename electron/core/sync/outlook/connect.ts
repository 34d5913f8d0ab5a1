import { randomUUID } from 'node:crypto'
import type { AuthenticationResult } from '@azure/msal-node'
import { browserUrl, msalApp, OUTLOOK_SCOPES, type MsalDeps } from './auth'

export interface OutlookConnect {
  authorizeUrl: string
  /** The signed-in account's email once the browser came back; the token cache is already stored. */
  done: Promise<{ email: string | null }>
  cancel(): void
}

const page = (text: string) => `<!doctype html><meta charset="utf-8"><title>Shop Scheduler</title><p>${text}</p>`

/**
 * Sign-in through MSAL's interactive flow (docs/sync-notes.md §1): authorization code + PKCE
 * S256 and a random `state` (MSAL's), the system browser, and MSAL's one-shot loopback listener
 * on 127.0.0.1 (redirect `http://localhost:<port>`, as Entra expects for a public client; the
 * answer comes back as a form post). MSAL has no cancel: a cancel or the timeout posts an
 * `access_denied` with the request's own `state` to that listener, which ends the flow and
 * closes it.
 */
export async function startOutlookConnect(deps: MsalDeps, opts: { timeoutMs: number }): Promise<OutlookConnect> {
  const app = msalApp(deps)
  let opened: { resolve(url: string): void; reject(e: unknown): void } | undefined
  const urlReady = new Promise<string>((resolve, reject) => (opened = { resolve, reject }))
  let msalUrl = ''
  const flow: Promise<AuthenticationResult> = app.acquireTokenInteractive({
    scopes: OUTLOOK_SCOPES,
    prompt: 'select_account',
    state: randomUUID(),
    successTemplate: page('Shop Scheduler is connected to Outlook. You can close this window.'),
    errorTemplate: page('Outlook did not connect. Go back to Shop Scheduler and try again.'),
    openBrowser: async (url) => {
      msalUrl = url
      opened?.resolve(browserUrl(url, deps.endpoints))
    },
  })
  flow.catch((e: unknown) => opened?.reject(e))
  const authorizeUrl = await urlReady
  let cancelled: string | null = null
  const stop = async (why: string) => {
    if (cancelled) return
    cancelled = why
    const q = new URL(msalUrl).searchParams
    const redirect = q.get('redirect_uri')
    if (!redirect) return
    await fetch(redirect, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ error: 'access_denied', error_description: why, state: q.get('state') ?? '' }),
    }).catch(() => undefined)
  }
  const timer = setTimeout(() => void stop('Nobody finished signing in within the time allowed; connect again.'), opts.timeoutMs)
  timer.unref()
  const done = flow
    .then((result) => ({ email: result.account?.username ?? null }))
    .catch((error: unknown) => {
      if (cancelled) throw new Error(cancelled)
      const message = error instanceof Error ? error.message : String(error)
      throw new Error(/access_denied/.test(message) ? 'Access was not granted in the browser.' : `Microsoft refused the sign-in: ${message}`)
    })
    .finally(() => clearTimeout(timer))
  done.catch(() => undefined)
  return { authorizeUrl, done, cancel: () => void stop('Connecting was cancelled.') }
}
