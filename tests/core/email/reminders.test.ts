import { afterEach, expect, test } from 'vitest'
import { bookedActivity, mailShop, move, type MailShop } from './support'

let shop: MailShop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  await shop?.smtp.close()
  shop = undefined
})

test('a booking within the reminder days gets one reminder email per booking state', async () => {
  // Reminders 3 days before; now is Saturday March 1, 12:00 UTC.
  shop = await mailShop({ reminders: { enabled: true, days: 3 } })
  const soon = await bookedActivity(shop, '2025-03-03T14:00:00.000Z')
  const later = await bookedActivity(shop, '2025-03-10T13:00:00.000Z')

  await shop.email.drainNow()
  await shop.email.drainNow()
  const [reminder] = await shop.smtp.waitFor(1)
  expect(shop.smtp.received).toHaveLength(1)
  expect(reminder!.mail.subject).toMatch(/^Reminder: Minor inspection for your Toyota Corolla \(ABC 123\), Monday, March 3, 2025 at 9:00 AM$/)
  expect(reminder!.mail.text).toContain('a reminder of your appointment')

  // The to-contact list learns who was emailed; the later booking is not due a reminder yet.
  const states = await shop.core.ok('email.reminders', { activityIds: [soon, later] })
  expect(states).toEqual([{ activityId: soon, state: 'sent', at: '2025-03-01T12:00:00.000Z', lastError: null }])

  // Another round, a restart of the timer: still one.
  shop.core.setNow('2025-03-01T18:00:00Z')
  await shop.email.drainNow()
  expect(shop.smtp.received).toHaveLength(1)

  // Moved: that new state gets its reminder, once.
  await move(shop, soon, '2025-03-04T15:00:00.000Z')
  await shop.email.drainNow()
  await shop.email.drainNow()
  const all = await shop.smtp.waitFor(2)
  expect(all).toHaveLength(2)
  expect(all[1]!.mail.subject).toContain('Tuesday, March 4, 2025 at 10:00 AM')
  expect((await shop.core.ok('email.reminders', { activityIds: [soon] }))[0]).toMatchObject({ state: 'sent' })

  // The later one enters the window days later.
  shop.core.setNow('2025-03-07T14:00:00Z')
  await shop.email.drainNow()
  await shop.email.drainNow()
  expect(await shop.smtp.waitFor(3)).toHaveLength(3)
})

test('a booking moved before its reminder went out sends only the new state’s reminder', async () => {
  shop = await mailShop({ reminders: { enabled: true, days: 3 } })
  shop.smtp.mode = 'tempfail'
  const id = await bookedActivity(shop, '2025-03-03T14:00:00.000Z')
  await shop.email.drainNow()
  expect(shop.smtp.received).toHaveLength(0)
  await move(shop, id, '2025-03-03T16:00:00.000Z')
  shop.smtp.mode = 'accept'
  shop.core.setNow('2025-03-01T12:10:00Z')
  await shop.email.drainNow()
  await shop.email.drainNow()
  const got = await shop.smtp.waitFor(1)
  expect(got).toHaveLength(1)
  expect(got[0]!.mail.subject).toContain('11:00 AM')
})

test('no reminder emails with reminders off', async () => {
  shop = await mailShop({ reminders: { enabled: false, days: 3 } })
  await bookedActivity(shop, '2025-03-03T14:00:00.000Z')
  await shop.email.drainNow()
  expect(shop.smtp.received).toHaveLength(0)
  expect((await shop.core.ok('email.outbox', {})).recent).toHaveLength(0)
})
