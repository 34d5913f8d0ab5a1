/**
 * The outbox under a real SMTP server that refuses, stalls and drops: never lost, never
 * sent twice, a permanent refusal shown and not retried.
 */
import { readFileSync } from 'node:fs'
import { afterEach, expect, test } from 'vitest'
import { testCore } from '../../helpers/core'
import { startSmtp, type TestSmtp } from '../../helpers/smtp'
import { bookedActivity, configure, emailService, mailShop, type MailShop } from './support'
import { makeShop, type Shop } from '../invites/fixtures'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
/** Disposes a shop's core, a bare core, or closes an SMTP server after the test. */
function track<T extends { core: { dispose(): Promise<void> } } | { dispose(): Promise<void> } | TestSmtp>(x: T): T {
  cleanups.push(() => ('core' in x ? x.core.dispose() : 'dispose' in x ? x.dispose() : x.close()))
  return x
}

async function freePort(): Promise<number> {
  const probe = await startSmtp()
  await probe.close()
  return probe.port
}

test('server down: the invite waits (shown so, with backoff), then goes out once the server is back', async () => {
  const shop: Shop = track(await makeShop())
  const port = await freePort()
  await configure(shop, port)
  const id = await bookedActivity(shop)
  await shop.core.ok('email.sendInvite', { activityId: id })
  const email = emailService(shop)
  await email.drainNow()

  const waiting = await shop.core.ok('email.inviteState', { activityId: id })
  expect(waiting.lastEmailed).toBeNull()
  expect(waiting.pending).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: '2025-03-01T12:00:30.000Z' })
  expect(waiting.pending?.lastError).toContain('cannot be reached')
  expect(await shop.core.ok('email.outbox', {})).toMatchObject({ waiting: 1, queued: 0, failed: 0 })

  const smtp = track(await startSmtp({ port }))
  // Not before its next attempt…
  await email.drainNow()
  expect(smtp.connections).toBe(0)
  // …then delivered, once.
  shop.core.setNow('2025-03-01T12:00:31Z')
  await email.drainNow()
  await email.drainNow()
  expect(await smtp.waitFor(1)).toHaveLength(1)
  expect((await shop.core.ok('email.inviteState', { activityId: id })).lastEmailed?.at).toBe('2025-03-01T12:00:31.000Z')
})

test('"try again later" (451) and a dropped connection both wait and retry; the backoff grows', async () => {
  const shop = track(await mailShop())
  cleanups.push(() => shop.smtp.close())
  const id = await bookedActivity(shop)
  shop.smtp.mode = 'tempfail'
  await shop.core.ok('email.sendInvite', { activityId: id })
  await shop.email.drainNow()
  const first = await shop.core.ok('email.inviteState', { activityId: id })
  expect(first.pending).toMatchObject({ state: 'waiting', attempts: 1 })
  expect(first.pending?.lastError).toContain('451')

  shop.smtp.mode = 'drop'
  shop.core.setNow('2025-03-01T12:00:31Z')
  await shop.email.drainNow()
  const second = await shop.core.ok('email.inviteState', { activityId: id })
  expect(second.pending).toMatchObject({ state: 'waiting', attempts: 2, nextAttemptAt: '2025-03-01T12:01:31.000Z' })

  shop.smtp.mode = 'accept'
  shop.core.setNow('2025-03-01T12:01:31Z')
  await shop.email.drainNow()
  expect(await shop.smtp.waitFor(1)).toHaveLength(1)
  expect((await shop.core.ok('email.outbox', {})).waiting).toBe(0)
})

test('a permanent refusal (550, no such mailbox) is shown and never retried', async () => {
  const shop = track(await mailShop())
  cleanups.push(() => shop.smtp.close())
  const id = await bookedActivity(shop)
  shop.smtp.mode = 'refuse'
  await shop.core.ok('email.sendInvite', { activityId: id })
  await shop.email.drainNow()
  const state = await shop.core.ok('email.inviteState', { activityId: id })
  expect(state.failed?.state).toBe('failed')
  expect(state.failed?.lastError).toContain('550')
  expect(state.pending).toBeNull()
  expect(state.lastEmailed).toBeNull()
  expect(await shop.core.ok('email.outbox', {})).toMatchObject({ failed: 1, waiting: 0, queued: 0 })

  const connections = shop.smtp.connections
  shop.smtp.mode = 'accept'
  shop.core.setNow('2025-03-02T12:00:00Z')
  await shop.email.drainNow()
  expect(shop.smtp.connections).toBe(connections)
  expect(shop.smtp.received).toHaveLength(0)
})

test('a crash in the middle of sending: after the restart the same message (same Message-ID) goes out exactly once', async () => {
  const first: MailShop = await mailShop()
  cleanups.push(() => first.core.dispose())
  const smtp = track(first.smtp)
  const id = await bookedActivity(first)
  smtp.mode = 'stall'
  await first.core.ok('email.sendInvite', { activityId: id })
  void first.email.drainNow()
  await until(async () => (await first.core.db.selectFrom('email_outbox').select('prepared_at').executeTakeFirstOrThrow()).prepared_at !== null)
  await until(async () => smtp.dataStarted > 0)
  const prepared = await first.core.db.selectFrom('email_outbox').select(['message_id']).executeTakeFirstOrThrow()
  // The app goes away with the message on the wire and no answer from the server.
  await first.core.close()

  smtp.mode = 'accept'
  const again = track(await testCore({ dbPath: first.core.dbPath, now: '2025-03-01T12:10:00Z' }))
  const email = emailService({ ...first, core: again })
  await email.drainNow()
  await email.drainNow()
  const received = await smtp.waitFor(1)
  expect(received).toHaveLength(1)
  expect(received[0]!.mail.messageId).toBe(prepared.message_id)
  expect(await again.ok('email.outbox', {})).toMatchObject({ queued: 0, waiting: 0, failed: 0 })
})

test('a crash right after the change: the invite is in the outbox and is sent once at the next start', async () => {
  const shop = await makeShop()
  cleanups.push(() => shop.core.dispose())
  const smtp = track(await startSmtp())
  const port = await freePort()
  await configure(shop, port)
  const id = await bookedActivity(shop)
  await shop.core.ok('email.sendInvite', { activityId: id })
  await shop.core.close()

  const again = track(await testCore({ dbPath: shop.core.dbPath, now: '2025-03-01T12:10:00Z' }))
  await again.ok('email.updateSettings', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: null,
    fromAddress: 'desk@joes-garage.example',
    fromName: null,
  })
  // On a shared server the outbox is background work: it runs once this desk holds the lock
  // the closed desk released (the server frees it a moment after that session ends).
  await expect.poll(async () => (await again.services.background()).here, { timeout: 10_000 }).toBe(true)
  const email = emailService({ ...shop, core: again })
  await email.drainNow()
  await email.drainNow()
  expect(await smtp.waitFor(1)).toHaveLength(1)
  expect(smtp.received).toHaveLength(1)
})

test('the SMTP password lives in the secret store, never in the database file', async () => {
  const shop = track(await makeShop())
  const smtp = track(await startSmtp({ auth: { user: 'desk', pass: 'correct horse battery' } }))
  const settings = await configure(shop, smtp.port, { username: 'desk', password: 'correct horse battery' })
  expect(settings.passwordSet).toBe(true)
  expect(JSON.stringify(settings)).not.toContain('correct horse')
  const id = await bookedActivity(shop)
  await shop.core.ok('email.sendInvite', { activityId: id })
  await emailService(shop).drainNow()
  const [got] = await smtp.waitFor(1)
  expect(got!.user).toBe('desk')
  expect(await shop.core.ports.secrets.get('smtp:password')).toBe('correct horse battery')
  for (const file of [shop.core.dbPath, `${shop.core.dbPath}-wal`]) {
    let bytes = ''
    try {
      bytes = readFileSync(file).toString('latin1')
    } catch {
      continue
    }
    expect(bytes).not.toContain('correct horse')
  }

  // A wrong password is the server's permanent "no": the test email says so.
  await configure(shop, smtp.port, { username: 'desk', password: 'wrong' })
  const test = await shop.core.ok('email.sendTest', { to: 'desk@joes-garage.example' })
  expect(test.accepted).toBe(false)
  expect(test.message).toContain('refused the login')
})

test('"Send a test email" answers what the server said', async () => {
  const shop = track(await mailShop())
  cleanups.push(() => shop.smtp.close())
  const ok = await shop.core.ok('email.sendTest', { to: 'owner@example.com' })
  expect(ok).toEqual({ accepted: true, message: 'The server accepted the test email to owner@example.com.' })
  const [got] = await shop.smtp.waitFor(1)
  expect(got!.mail.subject).toBe("Test email from Joe's Garage")
  shop.smtp.mode = 'refuse'
  const refused = await shop.core.ok('email.sendTest', { to: 'nobody@example.com' })
  expect(refused.accepted).toBe(false)
  expect(refused.message).toContain('550')
})

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('The condition never held')
}
