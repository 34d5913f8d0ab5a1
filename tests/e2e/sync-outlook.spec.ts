import { expectNoSeriousA11yViolations, seedVehicle } from './fixtures'
import { seedReference } from './support/seed-reference'
import { OUTLOOK_ALEX_CAL, OUTLOOK_USER, expect, playOutlookBrowser, test } from './support/outlook-shop'

// Tuesday 2026-03-10 11:00 in New York (the suite's default now); bookings for the next morning.
const WED_10AM = '2026-03-11T14:00:00.000Z'
const WED_11AM = '2026-03-11T15:00:00.000Z'
const WED_2PM = '2026-03-11T18:00:00.000Z'
const WED_3PM = '2026-03-11T19:00:00.000Z'

/** A Graph event's start (UTC wall time with no zone, as the fake renders it) as an instant. */
const startOf = (ev: Record<string, unknown>): number => Date.parse(`${(ev.start as { dateTime: string }).dateTime.replace(/Z$/, '')}Z`)

test.describe('calendar sync screens (against the fake Microsoft Graph)', () => {
  test.describe.configure({ timeout: 120_000 })
  test('connect Outlook, pick calendars, book, see it in Outlook, move it there, sync now, lose the grant and reconnect', async ({ page, shop, graph }) => {
    const ref = await seedReference(shop)
    const vehicle = await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', licensePlate: '2PRY 808' })

    // Connect: the app answers MSAL's authorize URL and waits; the test plays the browser.
    await page.goto('/#/settings?tab=calendars')
    await page.getByRole('button', { name: 'Connect Outlook' }).click()
    await playOutlookBrowser(page)
    const card = page.getByRole('region', { name: `Outlook account ${OUTLOOK_USER}` })
    await expect(card).toContainText('Connected')
    await expect(card).toContainText('Outlook Calendar')

    // The default calendar takes every booking, "Alex Moreno" his.
    await card.getByRole('combobox', { name: 'Shop bookings go to' }).click()
    await page.getByRole('option', { name: 'Calendar (main calendar)' }).click()
    await expect(card.getByRole('combobox', { name: 'Shop bookings go to' })).toHaveValue('Calendar (main calendar)')
    await card.getByRole('combobox', { name: 'Alex Moreno' }).click()
    await page.getByRole('option', { name: OUTLOOK_ALEX_CAL }).click()
    await expect(card.getByRole('combobox', { name: 'Alex Moreno' })).toHaveValue(OUTLOOK_ALEX_CAL)
    await expect.poll(async () => (await shop.call('sync.calendars', {})).length).toBe(2)
    await expectNoSeriousA11yViolations(page)

    // Book; "Sync now" sends it to Outlook.
    const booked = await shop.call('activities.createManual', {
      vehicleId: vehicle.id,
      activityTypeId: ref.types.oil.id,
      start: WED_10AM,
      end: WED_11AM,
      bayId: ref.bays[0]!.id,
    })
    await card.getByRole('button', { name: 'Sync now' }).click()
    await expect(card).toContainText('nothing waiting')
    const [event] = graph.events()
    expect(event).toBeDefined()
    expect(startOf(event!)).toBe(Date.parse(WED_10AM))

    // Someone moves it in Outlook; the next sync brings the move back, into the inbox too.
    graph.external.move(event!.id, WED_2PM, WED_3PM)
    await card.getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(async () => (await shop.call('activities.get', { id: booked.id })).start).toBe(WED_2PM)
    await page.getByRole('link', { name: /^Sync inbox, 1 change not seen yet/ }).click()
    const moved = page.getByRole('table', { name: 'Changes from the calendars' }).getByRole('row', { name: /^Moved: 2019 Mazda CX-5/ })
    await expect(moved).toContainText(`Calendar · Outlook (${OUTLOOK_USER})`)
    await moved.getByRole('button', { name: /^Open / }).click()
    await expect(page.getByRole('dialog', { name: 'Activity' }).locator('[data-field="Booked"]')).toContainText('2:00 PM – 3:00 PM')
    await page.getByRole('button', { name: 'Close the activity panel' }).click()

    // The grant dies (revoked in the Microsoft account). A change made meanwhile waits; the banner says so.
    graph.tokens.revoke()
    graph.tokens.expireAll()
    await shop.call('activities.createManual', {
      vehicleId: vehicle.id,
      activityTypeId: ref.types.oil.id,
      start: WED_10AM,
      end: WED_11AM,
      bayId: ref.bays[1]!.id,
    })
    await shop.call('sync.now', {})
    await page.goto('/#/today')
    const banner = page.getByRole('alert').filter({ hasText: `Reconnect ${OUTLOOK_USER}` })
    await expect(banner).toContainText('1 change is kept and will be sent once it is reconnected')
    await expectNoSeriousA11yViolations(page, { include: '[role="alert"]' })
    expect(graph.events()).toHaveLength(1)

    // Reconnect from the banner: the queue drains into Outlook and the banner goes.
    await banner.getByRole('button', { name: 'Reconnect' }).click()
    await playOutlookBrowser(page)
    await expect(banner).toHaveCount(0)
    await expect(page.getByTestId('sync-status')).toContainText('nothing waiting')
    expect(graph.events()).toHaveLength(2)
  })
})
