import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { graphInstant, ianaZone, toEngineEvent } from '../../../electron/core/sync/outlook/events'
import { playGraphBrowser } from '../../fakes/graph/connect'
import { graphCalls, ny, outlookShop, type OutlookShop } from './outlook-harness'

let shop: OutlookShop | undefined
afterEach(async () => {
  shop?.interceptFetch(null)
  await shop?.dispose()
  shop = undefined
})

const secretsOf = (s: OutlookShop) => readFileSync(s.secretsPath, 'utf8')

describe('connecting an Outlook account (MSAL: auth code + PKCE, loopback, public client)', () => {
  it('answers the authorize URL on the configured host, finishes in the background, keeps the token cache out of SQLite', async () => {
    shop = await outlookShop({ bare: true })
    const config = await shop.ok('sync.getConfig', {})
    expect(config.providers).toContain('outlook')
    expect(config.outlook).toEqual({ clientId: shop.fake.clientId, source: 'environment' })
    const started = await shop.ok('sync.connect', { provider: 'outlook' })
    const url = new URL(started.authorizeUrl)
    expect(url.origin + url.pathname).toBe(`${shop.fake.url}/common/oauth2/v2.0/authorize`)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'https://graph.microsoft.com/Calendars.ReadWrite']))
    expect(url.searchParams.get('state')).toBeTruthy()
    expect(url.searchParams.has('client_secret')).toBe(false)
    expect(new URL(url.searchParams.get('redirect_uri')!).hostname).toBe('localhost')
    expect((await shop.ok('sync.status', { accountId: started.accountId })).status).toBe('connecting')

    const back = await playGraphBrowser(started.authorizeUrl)
    expect(back.status).toBe(200)
    await shop.sync.connecting(started.accountId)
    expect(await shop.ok('sync.status', { accountId: started.accountId })).toMatchObject({ status: 'connected', email: 'owner@shop.example.com' })
    const secrets = (JSON.parse(secretsOf(shop)) as { values: Record<string, string> }).values
    expect(Object.keys(secrets)).toContain(`outlook:${started.accountId}`)
    expect(secrets[`outlook:${started.accountId}`]).toMatch(/RefreshToken/)
    expect(JSON.stringify(await shop.core.db.selectFrom('sync_accounts').selectAll().execute())).not.toMatch(/token/i)
    const cals = await shop.ok('sync.remoteCalendars', { accountId: started.accountId })
    expect(cals.find((c) => c.primary)).toMatchObject({ remoteId: shop.fake.defaultCalendarId, summary: 'Calendar' })
  })

  it('a forged answer on the loopback is refused and connects nothing; the genuine one still connects', async () => {
    shop = await outlookShop({ bare: true })
    const started = await shop.ok('sync.connect', { provider: 'outlook' })
    const redirect = new URL(started.authorizeUrl).searchParams.get('redirect_uri')!
    const forged = await fetch(redirect, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: 'stolen', state: 'forged' }),
    })
    expect(forged.status).toBe(400)
    expect((await shop.ok('sync.status', { accountId: started.accountId })).status).toBe('connecting')
    expect((await playGraphBrowser(started.authorizeUrl)).status).toBe(200)
    await shop.sync.connecting(started.accountId)
    expect((await shop.ok('sync.status', { accountId: started.accountId })).status).toBe('connected')
  })

  it('nobody finishing the sign-in in time ends the flow, closes the listener and says why', async () => {
    shop = await outlookShop({ bare: true, connectTimeoutMs: 300 })
    const started = await shop.ok('sync.connect', { provider: 'outlook' })
    await shop.sync.connecting(started.accountId)
    const account = await shop.ok('sync.status', { accountId: started.accountId })
    expect(account.status).toBe('disconnected')
    expect(account.lastError).toMatch(/within the time allowed/)
    await expect(playGraphBrowser(started.authorizeUrl)).rejects.toThrow()
  })

  it('says what is missing when no Microsoft client id is configured, and takes one from Settings', async () => {
    shop = await outlookShop({ bare: true, env: { SHOP_MS_CLIENT_ID: undefined } })
    expect((await shop.ok('sync.getConfig', {})).outlook).toEqual({ clientId: null, source: 'none' })
    const refused = await shop.core.invoke('sync.connect', { provider: 'outlook' })
    expect(!refused.ok && refused.error.message).toMatch(/No Microsoft sign-in client is set up yet.*Entra/)
    const bare = shop.core
    await bare.invoke('sync.setConfig', { googleClientId: 'own-client.apps.googleusercontent.com' })
    // Settings wins over the environment; saving the Microsoft client leaves the Google one as it was.
    const set = await bare.invoke('sync.setConfig', { msClientId: 'my-entra-app-id' })
    expect(set.ok && set.data.outlook).toEqual({ clientId: 'my-entra-app-id', source: 'settings' })
    expect(set.ok && set.data.google.clientId).toBe('own-client.apps.googleusercontent.com')
    const cleared = await bare.invoke('sync.setConfig', { msClientId: null })
    expect(cleared.ok && cleared.data.outlook).toEqual({ clientId: null, source: 'none' })
  })
})

describe('Outlook sign-in trouble', () => {
  it('an access token expiring mid-round costs exactly one refresh', async () => {
    shop = await outlookShop()
    for (let i = 0; i < 6; i++) await shop.book(ny(`2025-03-${10 + (i % 5)}T${i < 5 ? '09' : '13'}:00:00`))
    const before = shop.fake.tokens.issued()
    let expired = false
    shop.interceptFetch(async (url, init, next) => {
      const answer = await next(url, init)
      if (!expired && /calendarView\/delta/.test(url)) {
        expired = true
        shop!.fake.tokens.expireAll()
      }
      return answer
    })
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(round.pushed.created).toBe(6)
    expect(shop.fake.requests().some((r) => r.status === 401)).toBe(true)
    expect(shop.fake.tokens.issued() - before).toBe(1)
  })

  it('the rotated refresh token is stored before the next call, and survives a restart (the old one no longer works)', async () => {
    shop = await outlookShop({ fake: { invalidateRotatedRefreshTokens: true } })
    await shop.book(ny('2025-03-10T09:00:00'))
    let rotated: string | null = null
    const storedAtNextCall: boolean[] = []
    shop.interceptFetch(async (url, init, next) => {
      if (rotated && url.includes('/v1.0/')) storedAtNextCall.push(secretsOf(shop!).includes(rotated))
      const answer = await next(url, init)
      if (url.includes('/oauth2/v2.0/token')) rotated = ((await answer.clone().json()) as { refresh_token?: string }).refresh_token ?? null
      return answer
    })
    shop.fake.tokens.expireAll()
    expect((await shop.syncNow()).error).toBeNull()
    expect(rotated).toBeTruthy()
    expect(storedAtNextCall.length).toBeGreaterThan(0)
    expect(storedAtNextCall.every(Boolean)).toBe(true)
    shop.interceptFetch(null)

    await shop.restart()
    shop.fake.tokens.expireAll()
    await shop.book(ny('2025-03-11T09:00:00'))
    const after = await shop.syncNow()
    expect(after.error).toBeNull()
    expect(after.status).toBe('connected')
    expect(shop.fake.events(shop.shopCal)).toHaveLength(2)
  })

  it('a dead grant (AADSTS700082) pauses the account with its queue intact; reconnecting drains it', async () => {
    shop = await outlookShop()
    shop.fake.tokens.expireRefreshTokens()
    for (let i = 0; i < 3; i++) await shop.book(ny(`2025-03-1${i}T09:00:00`))
    shop.fake.tokens.expireAll()
    const round = await shop.syncNow()
    expect(round.status).toBe('needs_reconnect')
    const paused = await shop.ok('sync.status', { accountId: shop.accountId })
    expect(paused).toMatchObject({ status: 'needs_reconnect', queued: 3 })
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_outbox').select('activity_id').execute()).toHaveLength(3)
    expect(shop.fake.events(shop.shopCal)).toHaveLength(0)
    await shop.connect(shop.accountId)
    expect((await shop.ok('sync.status', { accountId: shop.accountId })).status).toBe('connected')
    expect(shop.fake.events(shop.shopCal)).toHaveLength(3)
    expect(await shop.core.db.selectFrom('sync_outbox').select('activity_id').execute()).toEqual([])
  })

  it('interaction_required also asks for a reconnect', async () => {
    shop = await outlookShop()
    shop.fake.tokens.requireInteraction()
    shop.fake.tokens.expireAll()
    expect((await shop.syncNow()).status).toBe('needs_reconnect')
  })

  it('disconnect removes the token cache and keeps the links, so a reconnect duplicates nothing', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-10T09:00:00'))
    await shop.syncNow()
    expect((await shop.ok('sync.disconnect', { accountId: shop.accountId })).status).toBe('disconnected')
    expect(await shop.core.ports.secrets.get(`outlook:${shop.accountId}`)).toBeNull()
    expect(await shop.core.db.selectFrom('sync_links').select('state').execute()).toEqual([{ state: 'live' }])
    await shop.connect(shop.accountId)
    await shop.syncNow()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
  })
})

describe('a crash at any point neither loses nor duplicates an Outlook push', () => {
  it('crash after the POST landed and before the local commit: the restart finds the event by its tag and adopts it', async () => {
    shop = await outlookShop()
    const work = await shop.book(ny('2025-03-10T09:00:00'))
    let landed = false
    shop.interceptFetch(async (url, init, next) => {
      if (init?.method === 'POST' && /\/events$/.test(url) && !landed) {
        await next(url, { ...init, signal: undefined })
        landed = true
        return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('process died'))))
      }
      return next(url, init)
    })
    // The round in flight dies with the process: its refusal is expected, so it is caught from the start.
    const round = shop.ok('sync.now', {}).catch(() => undefined)
    await expect.poll(() => landed).toBe(true)
    await shop.restart()
    await round
    shop.interceptFetch(null)
    expect(await shop.core.db.selectFrom('sync_links').select('state').execute()).toEqual([{ state: 'creating' }])
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
    shop.fake.clearRequests()
    const again = await shop.syncNow()
    expect(again.error).toBeNull()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
    expect(graphCalls(shop.fake, 'POST', /\/events$/)).toHaveLength(0) // looked up, not re-posted
    const lookup = graphCalls(shop.fake, 'GET', /\/events$/)
    expect(lookup[0]!.query['$filter']).toMatch(/singleValueExtendedProperties\/Any/)
    const link = await shop.core.db.selectFrom('sync_links').selectAll().executeTakeFirstOrThrow()
    expect(link).toMatchObject({ activity_id: work.id, state: 'live', remote_id: shop.fake.events(shop.shopCal)[0]!.immutableId })
    expect((await shop.ok('sync.log', {})).map((l) => l.kind)).toContain('adopted')
  })

  it('crash after the local commit and before sending: sent exactly once after the restart', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-11T13:00:00'))
    await shop.restart()
    shop.fake.clearRequests()
    await shop.syncNow()
    await shop.syncNow()
    expect(graphCalls(shop.fake, 'POST', /\/events$/)).toHaveLength(1)
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
  })

  it('a dropped connection after the POST was applied is retried with the same transactionId: no duplicate', async () => {
    shop = await outlookShop()
    await shop.book(ny('2025-03-12T10:00:00'))
    shop.fake.fault({ match: { method: 'POST', pathRegex: '/events$', times: 1 }, mode: 'afterCommit' })
    const round = await shop.syncNow()
    expect(round.error).toBeNull()
    expect(shop.fake.events(shop.shopCal)).toHaveLength(1)
  })
})

describe('time on Outlook calendars', () => {
  it('Windows zone names map to IANA (windows-iana); wall times convert with that date’s offset', () => {
    expect(ianaZone('Pacific Standard Time')).toBe('America/Los_Angeles')
    expect(ianaZone('W. Europe Standard Time')).toBe('Europe/Berlin')
    expect(ianaZone('Europe/Berlin')).toBe('Europe/Berlin')
    expect(graphInstant({ dateTime: '2025-03-07T09:00:00.0000000', timeZone: 'Pacific Standard Time' })).toBe('2025-03-07T17:00:00.000Z')
    expect(graphInstant({ dateTime: '2025-03-10T09:00:00.0000000', timeZone: 'Pacific Standard Time' })).toBe('2025-03-10T16:00:00.000Z')
  })

  it('all-day events are read as dates, never shifted, whatever zone they were made in', () => {
    // Midnight in Berlin is 23:00 UTC the day before: still the 12th.
    const berlin = toEngineEvent(
      {
        id: 'x',
        isAllDay: true,
        originalStartTimeZone: 'W. Europe Standard Time',
        start: { dateTime: '2025-03-11T23:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-12T23:00:00.0000000', timeZone: 'UTC' },
      },
      'install',
    )
    expect(berlin.start).toEqual({ date: '2025-03-12' })
    expect(berlin.end).toEqual({ date: '2025-03-13' })
    const utc = toEngineEvent(
      {
        id: 'y',
        isAllDay: true,
        start: { dateTime: '2025-03-12T00:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-13T00:00:00.0000000', timeZone: 'UTC' },
      },
      'install',
    )
    expect(utc.start).toEqual({ date: '2025-03-12' })
  })

  for (const [zone, before, after, offsets] of [
    ['America/New_York', '2025-03-07', '2025-03-10', ['-05:00', '-04:00']],
    ['Europe/Berlin', '2025-03-28', '2025-03-31', ['+01:00', '+02:00']],
  ] as const) {
    it(`09:00 bookings in ${zone} stay 09:00 on both sides of the DST change, sent in the shop's zone`, async () => {
      shop = await outlookShop({ timeZone: zone, now: `${before}T06:00:00Z` })
      const winter = await shop.book(new Date(`${before}T09:00:00${offsets[0]}`).toISOString())
      const summer = await shop.book(new Date(`${after}T09:00:00${offsets[1]}`).toISOString())
      shop.fake.clearRequests()
      await shop.syncNow()
      const posts = graphCalls(shop.fake, 'POST', /\/events$/)
      expect(posts).toHaveLength(2)
      const events = shop.fake.events(shop.shopCal)
      const utc = events.map((e) => new Date(`${(e['start'] as { dateTime: string }).dateTime}Z`).toISOString()).sort()
      expect(utc).toEqual([winter.start, summer.start].sort())
      expect(events.every((e) => e['originalStartTimeZone'] === zone)).toBe(true)
      expect((await shop.syncNow()).pulled.moved).toBe(0)
      expect((await shop.ok('activities.get', { id: summer.id })).start).toBe(summer.start)
    })
  }

  it('foreign events on a technician’s Outlook calendar are busy time, without their titles; deleted there, free again', async () => {
    shop = await outlookShop()
    await shop.ok('sync.chooseCalendar', {
      accountId: shop.accountId,
      remoteId: shop.alexCal,
      summary: 'Alex Moreno',
      role: 'technician',
      technicianId: shop.alex,
    })
    const dentist = shop.fake.external.create(shop.alexCal, {
      subject: 'Dentist – root canal',
      start: ny('2025-03-10T10:00:00'),
      end: ny('2025-03-10T11:30:00'),
    })
    expect((await shop.syncNow()).pulled.busy).toBe(1)
    expect(JSON.stringify(await shop.core.db.selectFrom('sync_busy_blocks').selectAll().execute())).not.toMatch(/Dentist/)
    const work = await shop.book(ny('2025-03-10T08:00:00'), { technicianId: shop.alex })
    const refused = await shop.core.invoke('activities.book', { id: work.id, version: work.version, start: ny('2025-03-10T10:30:00') })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.message).toBe('Alex Moreno is busy 10:00 AM – 11:30 AM (an event on their own calendar).')
    await shop.syncNow()
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_busy_blocks').select('remote_id').execute()).toEqual([{ remote_id: dentist.immutableId }])
    shop.fake.external.delete(dentist.id)
    await shop.syncNow()
    expect(await shop.core.db.selectFrom('sync_busy_blocks').selectAll().execute()).toEqual([])
  })
})
