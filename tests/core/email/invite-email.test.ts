import { afterEach, describe, expect, test } from 'vitest'
import { FROM, bookedActivity, calendarParts, mailShop, move, type MailShop } from './support'
import { SHOP } from '../invites/fixtures'

let shop: MailShop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  await shop?.smtp.close()
  shop = undefined
})

describe('emailing an invite', () => {
  test('is one multipart message: text, HTML, the invite inline as text/calendar method=REQUEST and as an .ics file', async () => {
    shop = await mailShop()
    const id = await bookedActivity(shop)

    const queued = await shop.core.ok('email.sendInvite', { activityId: id })
    // Queued is not emailed: the panel must not say so before the server said yes.
    expect(queued.lastEmailed).toBeNull()
    expect(queued.pending?.state).toBe('queued')

    await shop.email.drainNow()
    const [got] = await shop.smtp.waitFor(1)
    const mail = got!.mail
    expect(got!.envelopeTo).toEqual(['vera@example.com'])
    expect(mail.from?.value[0]).toMatchObject({ address: FROM.address, name: FROM.name })
    expect(mail.subject).toContain('Minor inspection for your Toyota Corolla (ABC 123)')
    expect(mail.text).toContain('Hello Vera Smith')
    expect(mail.text).toContain('Monday, March 10, 2025 at 9:00 AM')
    expect(mail.html).toContain('<th align="left" style="padding-right: 12px">When</th>')
    expect(mail.html).toContain('12 Main St, Springfield')

    const parts = calendarParts(mail)
    expect(parts.inlineType).toMatchObject({ value: 'text/calendar', params: { method: 'REQUEST', charset: 'utf-8' } })
    expect(parts.inline.method).toBe('REQUEST')
    expect(parts.filename).toBe('invite-toyota-corolla-abc-123-2025-03-10.ics')
    expect(parts.file.event.uid).toBe(parts.inline.event.uid)
    expect(parts.inline.event.sequence).toBe(0)
    expect(parts.inline.event.startDate.toJSDate().toISOString()).toBe('2025-03-10T13:00:00.000Z')
    expect(parts.inline.event.organizer).toBe(`MAILTO:${SHOP.email}`)
    expect(parts.inline.event.attendees[0]!.getParameter('rsvp')).toBe('TRUE')

    const state = await shop.core.ok('email.inviteState', { activityId: id })
    expect(state.pending).toBeNull()
    expect(state.lastEmailed).toMatchObject({ method: 'REQUEST', sequence: 0, to: 'vera@example.com', at: '2025-03-01T12:00:00.000Z' })
    const status = await shop.core.ok('invites.status', { activityId: id })
    expect(status).toMatchObject({ state: 'sent', lastIssue: { via: 'email', sequence: 0 } })
  })

  test('a later move emails the update (same UID, higher SEQUENCE) and a cancellation emails METHOD:CANCEL', async () => {
    shop = await mailShop()
    const id = await bookedActivity(shop)
    await shop.core.ok('email.sendInvite', { activityId: id })
    await shop.email.drainNow()
    await shop.smtp.waitFor(1)

    // A note is nothing the customer sees: no email.
    const a = await shop.core.ok('activities.get', { id })
    await shop.core.ok('activities.update', { id, version: a.version, notes: 'Bring the locking wheel nut' })
    await shop.email.drainNow()
    expect(shop.smtp.received).toHaveLength(1)

    await move(shop, id, '2025-03-11T14:00:00.000Z')
    expect((await shop.core.ok('email.outbox', {})).queued).toBe(1)
    await shop.email.drainNow()
    const [first, update] = await shop.smtp.waitFor(2)
    const u = calendarParts(update!.mail)
    const f = calendarParts(first!.mail)
    expect(update!.mail.subject).toMatch(/^Changed: /)
    expect(u.inline.method).toBe('REQUEST')
    expect(u.inline.event.uid).toBe(f.inline.event.uid)
    expect(u.inline.event.sequence).toBe(1)
    expect(u.inline.event.startDate.toJSDate().toISOString()).toBe('2025-03-11T14:00:00.000Z')

    const b = await shop.core.ok('activities.get', { id })
    await shop.core.ok('activities.cancel', { id, version: b.version, reason: 'Customer sold the car' })
    await shop.email.drainNow()
    const cancel = (await shop.smtp.waitFor(3))[2]!
    const c = calendarParts(cancel.mail)
    expect(cancel.mail.subject).toMatch(/^Cancelled: /)
    expect(c.inlineType).toMatchObject({ params: { method: 'CANCEL' } })
    expect(c.inline.method).toBe('CANCEL')
    expect(c.inline.event.uid).toBe(f.inline.event.uid)
    expect(c.inline.event.sequence).toBe(2)
    expect(c.inline.event.attendees[0]!.getParameter('rsvp')).toBe('FALSE')
    expect((await shop.core.ok('email.inviteState', { activityId: id })).lastEmailed).toMatchObject({ method: 'CANCEL', sequence: 2 })
  })

  test('two moves before the server is reached send one update, with the latest time', async () => {
    shop = await mailShop()
    const id = await bookedActivity(shop)
    await shop.core.ok('email.sendInvite', { activityId: id })
    await shop.email.drainNow()
    await shop.smtp.waitFor(1)
    shop.smtp.mode = 'tempfail'
    await move(shop, id, '2025-03-11T14:00:00.000Z')
    await shop.email.drainNow()
    await move(shop, id, '2025-03-12T15:00:00.000Z')
    shop.smtp.mode = 'accept'
    shop.core.setNow('2025-03-01T12:05:00Z')
    await shop.email.drainNow()
    await shop.email.drainNow()
    const all = await shop.smtp.waitFor(2)
    expect(all).toHaveLength(2)
    const last = calendarParts(all[1]!.mail).inline.event
    expect(last.startDate.toJSDate().toISOString()).toBe('2025-03-12T15:00:00.000Z')
    expect((await shop.core.ok('email.outbox', {})).queued + (await shop.core.ok('email.outbox', {})).waiting).toBe(0)
  })

  test('is refused with the reason when the customer has no address or email is not set up', async () => {
    shop = await mailShop({ customerEmail: null })
    const id = await bookedActivity(shop)
    const noAddress = await shop.core.refused('email.sendInvite', { activityId: id })
    expect(noAddress.message).toContain('Vera Smith has no email address')
    await shop.core.ok('email.updateSettings', { host: null, port: 587, security: 'starttls', username: null, fromAddress: null, fromName: null })
    const state = await shop.core.ok('email.inviteState', { activityId: id })
    expect(state.canEmail).toBe(false)
    expect(state.cannotEmail).toContain('Email is not set up')
    expect((await shop.core.ok('email.outbox', {})).recent).toHaveLength(0)
  })
})
