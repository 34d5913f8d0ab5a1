import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { consent } from '../../fakes/google/connect'
import { syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

describe('connecting a Google account (OAuth loopback with PKCE)', () => {
  it('opens the consent page, finishes in the background on the loopback, and keeps the tokens out of SQLite', async () => {
    shop = await syncShop({ bare: true })
    const opened: string[] = []
    shop.core.ports.openExternal = async (url) => void opened.push(url)
    const started = await shop.ok('sync.connect', {})
    const url = new URL(started.authorizeUrl)
    expect(url.origin + url.pathname).toBe(`${shop.fake.url}/o/oauth2/v2/auth`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const redirect = new URL(url.searchParams.get('redirect_uri')!)
    expect(redirect.hostname).toBe('127.0.0.1')
    expect(Number(redirect.port)).toBeGreaterThan(0)
    expect((await shop.ok('sync.status', { accountId: started.accountId })).status).toBe('connecting')

    const back = await consent(started.authorizeUrl)
    expect((await fetch(back)).status).toBe(200)
    await shop.sync.connecting(started.accountId)
    const account = await shop.ok('sync.status', { accountId: started.accountId })
    expect(account).toMatchObject({ status: 'connected', email: 'shop.owner@example.com' })
    // The listener took its one hit and is gone.
    await expect(fetch(back)).rejects.toThrow()
    // Tokens in the secret store only.
    const secrets = readFileSync(shop.secretsPath, 'utf8')
    expect(secrets).toMatch(/refresh_token/)
    const dump = JSON.stringify(await shop.core.db.selectFrom('sync_accounts').selectAll().execute())
    expect(dump).not.toMatch(/token/i)
    expect((await shop.ok('sync.remoteCalendars', { accountId: started.accountId })).map((c) => c.remoteId)).toContain(
      'shop-bookings@group.calendar.google.com',
    )
  })

  it('refuses an answer whose state does not match, connects nothing, and closes the listener', async () => {
    shop = await syncShop({ bare: true })
    const started = await shop.ok('sync.connect', {})
    const back = await consent(started.authorizeUrl)
    back.searchParams.set('state', 'forged')
    const answer = await fetch(back)
    expect(answer.status).toBe(400)
    expect(await answer.text()).toMatch(/state mismatch/)
    await shop.sync.connecting(started.accountId)
    const account = await shop.ok('sync.status', { accountId: started.accountId })
    expect(account.status).toBe('disconnected')
    expect(account.lastError).toMatch(/state mismatch/)
    back.searchParams.set('state', new URL(started.authorizeUrl).searchParams.get('state')!)
    await expect(fetch(back)).rejects.toThrow() // one hit only, even a wrong one
  })

  it('the fake refuses a token exchange without the PKCE verifier the challenge was made from', async () => {
    shop = await syncShop({ bare: true })
    const started = await shop.ok('sync.connect', {})
    const back = await consent(started.authorizeUrl)
    const answer = await fetch(`${shop.fake.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        code_verifier: 'x'.repeat(50),
        redirect_uri: new URL(started.authorizeUrl).searchParams.get('redirect_uri')!,
        client_id: shop.fake.clientId,
        client_secret: shop.fake.clientSecret,
      }),
    })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('says what is missing when no OAuth client is configured', async () => {
    shop = await syncShop({ bare: true })
    // A core whose environment names no client: the Settings client is empty too.
    const { createCore } = await import('../../../electron/core')
    const { silentLogger } = await import('../../../electron/core/logger')
    const bare = await createCore({ dbPath: `${shop.dir}/other.db`, log: silentLogger, env: {} })
    const result = await bare.invoke('sync.connect', {})
    expect(!result.ok && result.error.message).toMatch(/No Google sign-in client is set up.*Settings.*SHOP_GOOGLE_CLIENT_ID/)
    expect((await bare.invoke('sync.getConfig', {})).ok && (await bare.invoke('sync.getConfig', {}))).toMatchObject({
      data: { google: { source: 'none', clientId: null } },
    })
    // Entered in Settings, it is used (and the secret goes to the secret store).
    const set = await bare.invoke('sync.setConfig', { googleClientId: 'own-client.apps.googleusercontent.com', googleClientSecret: 'GOCSPX-own' })
    expect(set).toMatchObject({ ok: true, data: { google: { source: 'settings', clientId: 'own-client.apps.googleusercontent.com', secretSet: true } } })
    expect(await bare.ports.secrets.get('google:client-secret')).toBe('GOCSPX-own')
    await bare.close()
  })
})
