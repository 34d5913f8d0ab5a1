import { expectNoSeriousA11yViolations, seedVehicle } from './fixtures'
import { seedReference } from './support/seed-reference'
import { ALEX_CAL, SHOP_CAL, expect, playBrowser, test } from './support/google-shop'
import { showView } from './support/calendar-view'

// Tuesday 2026-03-10 11:00 in New York (the suite's default now); bookings for the next morning.
const WED_10AM = '2026-03-11T14:00:00.000Z'
const WED_11AM = '2026-03-11T15:00:00.000Z'
const WED_2PM = '2026-03-11T18:00:00.000Z'
const WED_3PM = '2026-03-11T19:00:00.000Z'

test.describe('calendar sync screens (against the fake Google)', () => {
  // Whole journeys with several axe passes: on two slow cores they take longer than the default 30 s.
  test.describe.configure({ timeout: 120_000 })
  test('connect, book, see it on Google, move it there, sync now, lose the grant and reconnect', async ({ page, shop, google }) => {
    const ref = await seedReference(shop)
    const vehicle = await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', licensePlate: '2PRY 808' })

    await page.goto('/#/settings?tab=calendars')
    await expect(page.getByRole('heading', { name: 'Calendar accounts' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    // Connect: the app waits for the system browser; the test plays it.
    await page.getByRole('button', { name: 'Connect Google' }).click()
    await expectNoSeriousA11yViolations(page)
    await playBrowser(page)
    const card = page.getByRole('region', { name: 'Google account shop.owner@example.com' })
    await expect(card).toContainText('Connected')
    await expect(page.getByRole('status', { name: 'Waiting for the browser' })).toHaveCount(0)

    // The shop's bookings go to "Shop bookings", Alex's to his own calendar.
    await card.getByRole('combobox', { name: 'Shop bookings go to' }).click()
    await page.getByRole('option', { name: 'Shop bookings' }).click()
    await expect(card.getByRole('combobox', { name: 'Shop bookings go to' })).toHaveValue('Shop bookings')
    await card.getByRole('combobox', { name: 'Alex Moreno' }).click()
    await page.getByRole('option', { name: 'Alex Moreno' }).click()
    await expect(card.getByRole('combobox', { name: 'Alex Moreno' })).toHaveValue('Alex Moreno')
    await expect.poll(async () => (await shop.call('sync.calendars', {})).map((c) => c.remoteId).sort()).toEqual([ALEX_CAL, SHOP_CAL].sort())
    await expectNoSeriousA11yViolations(page)

    // Book; "Sync now" sends it to Google.
    const booked = await shop.call('activities.createManual', {
      vehicleId: vehicle.id,
      activityTypeId: ref.types.oil.id,
      start: WED_10AM,
      end: WED_11AM,
      bayId: ref.bays[0]!.id,
    })
    await expect(card).toContainText('1 change waiting')
    await card.getByRole('button', { name: 'Sync now' }).click()
    await expect(card).toContainText('nothing waiting')
    const [event] = google.events(SHOP_CAL)
    expect(event).toBeDefined()
    expect(Date.parse(event!.start!.dateTime!)).toBe(Date.parse(WED_10AM))
    await expect(page.getByTestId('sync-status')).toContainText('nothing waiting')

    // Someone moves it in Google Calendar; the next sync brings the move back.
    google.external.move(SHOP_CAL, event!.id, WED_2PM, WED_3PM)
    await card.getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(async () => (await shop.call('activities.get', { id: booked.id })).start).toBe(WED_2PM)
    await page.goto('/#/sync-log')
    const log = page.getByRole('table', { name: 'Sync log' })
    await expect(log.getByRole('row', { name: /Received \(moved\)/ })).toHaveCount(1)
    await expectNoSeriousA11yViolations(page)
    await log
      .getByRole('row', { name: /Received \(moved\)/ })
      .getByRole('button', { name: `Activity ${booked.id}` })
      .click()
    await expect(page.getByRole('dialog', { name: 'Activity' }).locator('[data-field="Booked"]')).toContainText('2:00 PM – 3:00 PM')
    // The panel says where the booking is synced.
    const onCalendars = page.getByRole('dialog', { name: 'Activity' }).getByRole('group', { name: 'On calendars' })
    await expect(onCalendars).toContainText('On the calendar')
    await expect(onCalendars).toContainText('Shop bookings · Google (shop.owner@example.com)')
    await page.getByRole('button', { name: 'Close the activity panel' }).click()
    // Filters: only problems (none yet), then text.
    await page.getByText('Problems', { exact: true }).click()
    await expect(page.getByText('No entry matches these filters.')).toBeVisible()
    await page.getByText('Everything', { exact: true }).click()
    await expect(page.getByRole('radio', { name: 'Everything' })).toBeChecked()
    await page.getByRole('textbox', { name: 'Search' }).fill('created the event')
    await expect(log.getByRole('row', { name: /Received \(moved\)/ })).toHaveCount(0)
    // Every row left is a push that created an event (the booking went to the shop's calendar, and its technician's).
    await expect(log.getByRole('row', { name: /Sent \(new event\) Created the event on Shop bookings/ })).toHaveCount(1)
    for (const row of await log
      .getByRole('row')
      .filter({ hasNot: page.getByRole('columnheader') })
      .all())
      await expect(row).toContainText('Sent (new event)')

    // The grant dies (revoked in the Google account). A change made meanwhile waits; the banner says so on every page.
    google.tokens.revoke()
    await shop.call('activities.createManual', {
      vehicleId: vehicle.id,
      activityTypeId: ref.types.oil.id,
      start: WED_10AM,
      end: WED_11AM,
      bayId: ref.bays[1]!.id,
    })
    await shop.call('sync.now', {})
    await page.goto('/#/today')
    const banner = page.getByRole('alert').filter({ hasText: 'Reconnect shop.owner@example.com' })
    await expect(banner).toContainText('1 change is kept and will be sent once it is reconnected')
    await expect(page.getByTestId('sync-status')).toContainText('problem')
    await page.goto('/#/calendar')
    await expect(banner).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[role="alert"]' })
    expect(google.events(SHOP_CAL)).toHaveLength(1)

    // Reconnect from the banner: the queue drains into Google and the banner goes.
    await banner.getByRole('button', { name: 'Reconnect' }).click()
    await playBrowser(page)
    await expect(banner).toHaveCount(0)
    await expect(page.getByTestId('sync-status')).toContainText('nothing waiting')
    expect(google.events(SHOP_CAL)).toHaveLength(2)
    await page.goto('/#/settings?tab=calendars')
    await expect(page.getByRole('region', { name: 'Google account shop.owner@example.com' })).toContainText('Connected')
  })

  test('a sign-in can be cancelled; disconnecting asks first; the due-date events toggle is stored', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=calendars')
    await page.getByRole('button', { name: 'Connect Google' }).click()
    await expect(page.getByRole('status', { name: 'Waiting for the browser' })).toBeVisible()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('status', { name: 'Waiting for the browser' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Connect Google' })).toBeVisible()
    await expect.poll(async () => shop.call('sync.accounts', {})).toEqual([])

    await page.getByRole('button', { name: 'Connect Google' }).click()
    await playBrowser(page)
    const card = page.getByRole('region', { name: 'Google account shop.owner@example.com' })
    await expect(card).toContainText('Connected')

    const toggle = page.getByRole('switch', { name: 'Show unbooked due work as all-day events' })
    await expect(toggle).not.toBeChecked()
    // By keyboard: Mantine's switch input is visually hidden under its track.
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect(toggle).toBeChecked()
    await expect.poll(async () => (await shop.call('sync.getConfig', {})).dueDatesAllDay).toBe(true)

    await card.getByRole('button', { name: 'Disconnect' }).click()
    const ask = page.getByRole('dialog', { name: 'Disconnect shop.owner@example.com?' })
    await expect(ask).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await ask.getByRole('button', { name: 'Keep connected' }).click()
    await expect(card).toContainText('Connected')
    await card.getByRole('button', { name: 'Disconnect' }).click()
    await page.getByRole('dialog', { name: 'Disconnect shop.owner@example.com?' }).getByRole('button', { name: 'Disconnect' }).click()
    await expect(card).toContainText('Disconnected')
    await expect(card.getByRole('button', { name: 'Connect again' })).toBeVisible()
  })
})

test.describe('busy time from a technician’s own calendar', () => {
  test('is hatched on that technician’s lane in the week by technician, without its title', async ({ page, shop, google }) => {
    const ref = await seedReference(shop)
    const alex = ref.technicians.find((t) => t.name === 'Alex Moreno')!
    await page.goto('/#/settings?tab=calendars')
    await page.getByRole('button', { name: 'Connect Google' }).click()
    await playBrowser(page)
    const [account] = await shop.call('sync.accounts', {})
    await expect.poll(async () => (await shop.call('sync.accounts', {}))[0]?.status).toBe('connected')
    await shop.call('sync.chooseCalendar', { accountId: account!.id, remoteId: ALEX_CAL, summary: 'Alex Moreno', role: 'technician', technicianId: alex.id })
    // Alex's dentist appointment, Wednesday 10:00–11:30 in New York.
    google.external.create(ALEX_CAL, { summary: 'Dentist', start: { dateTime: '2026-03-11T10:00:00-04:00' }, end: { dateTime: '2026-03-11T11:30:00-04:00' } })
    await shop.call('sync.now', {})
    expect(await shop.call('sync.busyTime', { from: '2026-03-08', to: '2026-03-14' })).toHaveLength(1)

    await page.goto('/#/calendar')
    await showView(page, 'Week')
    // By bay, busy time is nobody's lane: nothing hatched.
    await expect(page.locator('.rbc-time-slot.shop-busy')).toHaveCount(0)
    await page.getByText('By technician', { exact: true }).click()
    // Six quarter hours, 10:00 to 11:30, on one lane of one day; named as busy, never "Dentist".
    const busy = page.locator('.rbc-time-slot.shop-busy')
    await expect(busy).toHaveCount(6)
    await expect(busy.first()).toHaveAttribute('title', 'Busy: an event on their own calendar')
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Busy (own calendar)')
    await expect(page.getByTestId('calendar')).not.toContainText('Dentist')
    const columns = await busy.evaluateAll((slots) => new Set(slots.map((s) => Math.round(s.getBoundingClientRect().x))).size)
    expect(columns).toBe(1)
  })
})

test.describe('without a sign-in client', () => {
  test('asks for the shop’s own Google client first, then offers to connect', async ({ page, shop }) => {
    // An installation with no default client: the form comes first.
    await shop.call('sync.setConfig', { googleClientId: null })
    await page.goto('/#/settings?tab=calendars')
    await expect(page.getByRole('button', { name: 'Connect Google' })).toBeVisible()
    await page.getByRole('button', { name: 'Change the Google sign-in client' }).click()
    const form = page.getByRole('form', { name: 'Google sign-in client' })
    await expectNoSeriousA11yViolations(page)
    await form.getByRole('textbox', { name: 'Client ID' }).fill('1234-abc.apps.googleusercontent.com')
    await form.getByLabel('Client secret').fill('GOCSPX-typed-secret')
    await form.getByRole('button', { name: 'Save sign-in client' }).click()
    await expect(page.getByRole('button', { name: 'Connect Google' })).toBeVisible()
    const config = await shop.call('sync.getConfig', {})
    expect(config.google).toEqual({ clientId: '1234-abc.apps.googleusercontent.com', source: 'settings', secretSet: true })
    // The secret is never shown back.
    await page.getByRole('button', { name: 'Change the Google sign-in client' }).click()
    await expect(page.getByLabel('Client secret')).toHaveValue('')
  })

  test('asks for the shop’s Microsoft Entra app id, then offers to connect Outlook, keeping Google’s client', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=calendars')
    await expect(page.getByRole('form', { name: 'Microsoft sign-in client' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Set up Outlook…' }).click()
    const form = page.getByRole('form', { name: 'Microsoft sign-in client' })
    await expect(form).toContainText('public client')
    await form.getByRole('button', { name: 'Save Microsoft sign-in client' }).click()
    await expect(form).toContainText('Enter the application (client) id of your Entra app registration')
    await form.getByRole('textbox', { name: 'Application (client) ID' }).fill('6731de76-14a6-49ae-97bc-6eba6914391e')
    await form.getByRole('button', { name: 'Save Microsoft sign-in client' }).click()
    await expect(page.getByRole('button', { name: 'Connect Outlook' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Connect Google' })).toBeVisible()
    const config = await shop.call('sync.getConfig', {})
    expect(config.outlook).toEqual({ clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', source: 'settings' })
    expect(config.google.source).not.toBe('none')
    await expectNoSeriousA11yViolations(page)
  })
})
