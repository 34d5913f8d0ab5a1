import ICAL from 'ical.js'
import { test, expect, expectNoSeriousA11yViolations } from './fixtures'
import { showView } from './support/calendar-view'
import { settled } from './support/motion'
import { seedBusyShop } from './support/activities-seed'
import { saveScreen } from './support/screens'
import { startSmtp, type TestSmtp } from '../helpers/smtp'

const SHOP = { shopName: 'Eastside Auto Care', shopEmail: 'desk@eastside-auto.example', shopAddress: '88 Harbor Road, Quincy, MA 02169' }

let smtp: TestSmtp
// Each test seeds a busy week and waits on real SMTP round trips: more than the default 30 s on a loaded machine.
test.slow()
test.beforeEach(async () => {
  smtp = await startSmtp()
})
test.afterEach(async () => {
  await smtp.close()
})

test.describe('email through the shop’s mail server', () => {
  test('configure email, send a test, email an invite: received as an invite, and the panel says emailed', async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, shop.timeZone)
    await shop.call('settings.update', SHOP)
    // Reminders would email the whole busy week; this test looks at the invite.
    await shop.call('settings.update', { remindersEnabled: false })

    await page.goto('/#/settings?tab=email')
    const form = page.getByRole('form', { name: 'Mail server' })
    await form.getByLabel('Mail server (SMTP host)').fill('127.0.0.1')
    await form.getByLabel('Port').fill(String(smtp.port))
    await form.getByRole('combobox', { name: 'Security' }).click()
    await page.getByRole('option', { name: /None: a relay/ }).click()
    await form.getByLabel('From address').fill('desk@eastside-auto.example')
    await form.getByLabel('From name').fill('Eastside Auto Care')
    await form.getByRole('button', { name: 'Save email settings' }).click()
    await expect(page.getByText('Email settings saved')).toBeVisible()

    await page.getByRole('button', { name: 'Send a test email' }).click()
    await expect(page.getByText('The server accepted the test email to desk@eastside-auto.example.')).toBeVisible()
    const [test] = await smtp.waitFor(1)
    expect(test!.mail.subject).toBe('Test email from Eastside Auto Care')
    await settled(page)
    await expectNoSeriousA11yViolations(page)
    await saveScreen(page, 'email-settings')

    // Tomorrow's tire rotation, emailed from its panel.
    const booked = seeded.week[0]!
    const customer = await shop.call('activities.get', { id: booked.id })
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${booked.id}"]`) }).click()
    const panel = page.getByTestId('activity-panel')
    const invite = panel.getByTestId('send-invite')
    // The panel reads three things before it draws the invite; a loaded machine takes its time.
    await expect(invite).toHaveAttribute('data-invite-state', 'never_sent', { timeout: 15_000 })
    await expect(invite.getByRole('button', { name: 'Save invite' })).toBeVisible()
    await settled(page)
    await saveScreen(page, 'email-panel-before')
    await invite.getByRole('button', { name: 'Email invite' }).click()
    await expect(invite).toHaveAttribute('data-email-state', 'sent', { timeout: 15_000 })
    await expect(invite.getByText('Emailed', { exact: true })).toBeVisible()
    await expect(invite.getByText(/ to .+@/)).toBeVisible()

    const received = await smtp.waitFor(2)
    const mail = received[1]!.mail
    expect(mail.subject).toContain('Tire rotation')
    const calendarPart = mail.attachments.find((a) => a.contentType === 'text/calendar')!
    const calendar = new ICAL.Component(ICAL.parse(calendarPart.content.toString('utf8')))
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.startDate.toJSDate().toISOString()).toBe(customer.start)
    expect(mail.attachments.some((a) => a.contentType === 'application/ics' && a.filename?.endsWith('.ics'))).toBe(true)
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    await saveScreen(page, 'email-panel-emailed')

    // Moved by another desk: the update goes out by itself, same UID, next SEQUENCE.
    const current = await shop.call('activities.get', { id: booked.id })
    await shop.call('activities.book', {
      id: booked.id,
      version: current.version,
      start: new Date(new Date(current.start!).getTime() + 60 * 60_000).toISOString(),
    })
    const afterMove = await smtp.waitFor(3)
    const update = afterMove[2]!.mail
    expect(update.subject).toMatch(/^Changed: /)
    const updated = new ICAL.Event(
      new ICAL.Component(ICAL.parse(update.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8'))).getFirstSubcomponent(
        'vevent',
      )!,
    )
    expect(updated.uid).toBe(event.uid)
    expect(updated.sequence).toBe(1)
    await expect(invite.getByText('update 1', { exact: false })).toBeVisible()
  })

  test('a refused address is shown on the panel and in the outbox, not retried', async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, shop.timeZone)
    await shop.call('settings.update', { ...SHOP, remindersEnabled: false })
    await shop.call('email.updateSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: null,
      fromAddress: 'desk@eastside-auto.example',
      fromName: 'Eastside Auto Care',
    })
    smtp.mode = 'refuse'
    const booked = seeded.week[1]!
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${booked.id}"]`) }).click()
    const invite = page.getByTestId('activity-panel').getByTestId('send-invite')
    await invite.getByRole('button', { name: 'Email invite' }).click()
    await expect(invite).toHaveAttribute('data-email-state', 'failed')
    await expect(invite.getByRole('alert')).toContainText('The mail server refused the email')
    await expect(invite.getByRole('alert')).toContainText('550')
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    await saveScreen(page, 'email-panel-refused')

    await page.keyboard.press('Escape')
    await page.goto('/#/settings?tab=email')
    const outbox = page.getByTestId('outbox')
    await expect(outbox.getByRole('status')).toHaveText('1 refused by the server')
    await expect(outbox.getByText('Refused', { exact: true })).toBeVisible()
    await settled(page)
    await expectNoSeriousA11yViolations(page)
    await saveScreen(page, 'email-outbox-refused', { fullPage: true })
  })

  test('reminders go out by email, and the to-contact list shows who was emailed and who still needs a call', async ({ page, shop }) => {
    await seedBusyShop(shop, shop.timeZone)
    await shop.call('settings.update', { ...SHOP, remindersEnabled: true, reminderDaysBefore: 3 })
    await page.goto('/#/today')
    const list = page.getByRole('region', { name: 'Customers to contact' })
    await expect(list.getByText('To call', { exact: true }).first()).toBeVisible()
    const toCallBefore = await list.getByText('To call', { exact: true }).count()

    // Email set up: the reminders of the next three days' bookings go out by themselves.
    await shop.call('email.updateSettings', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: null,
      fromAddress: 'desk@eastside-auto.example',
      fromName: 'Eastside Auto Care',
    })
    await expect.poll(async () => smtp.received.length, { timeout: 30_000 }).toBeGreaterThan(0)
    await expect.poll(async () => (await shop.call('email.outbox', {})).queued, { timeout: 30_000 }).toBe(0)
    expect(smtp.received.every((r) => r.mail.subject?.startsWith('Reminder: '))).toBe(true)
    const emailed = list.getByText('Emailed', { exact: true })
    await expect(emailed.first()).toBeVisible()
    const emailedCount = await emailed.count()
    // Every row is either emailed or still to call (unbooked work, customers without an address).
    await expect(list.getByText('To call', { exact: true })).toHaveCount(toCallBefore - emailedCount)
    await expect(list.getByText(/· \d+ to call$/)).toHaveText(new RegExp(`· ${toCallBefore - emailedCount} to call$`))
    await settled(page)
    await expectNoSeriousA11yViolations(page)
    await saveScreen(page, 'email-today-contact-list')
  })
})
