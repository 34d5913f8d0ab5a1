import { expectNoSeriousA11yViolations } from './fixtures'
import { seedReference } from './support/seed-reference'
import { connectShopCalendar, expect, playBrowser, test } from './support/google-shop'
import { edt, eventOf, seedReturnedChanges } from './support/sync-inbox-seed'

test.describe('the sync inbox (against the fake Google)', () => {
  test.describe.configure({ timeout: 120_000 })
  test('a move and a delete made in Google come back to the inbox; open the activity, mark seen; clashes: take theirs, keep ours', async ({
    page,
    shop,
    google,
  }) => {
    const ref = await seedReference(shop)
    const { card } = await connectShopCalendar(page, shop)
    const changes = await seedReturnedChanges(shop, google, ref)

    // "Sync now" brings the four changes back; the header counts them.
    await card.getByRole('button', { name: 'Sync now' }).click()
    const inboxLink = page.getByRole('link', { name: 'Sync inbox, 4 changes not seen yet' })
    await expect(inboxLink).toBeVisible()
    await expect(inboxLink).toContainText('4')

    // From the header to the inbox.
    await inboxLink.click()
    await expect(page).toHaveURL(/#\/sync-inbox$/)
    await expect(page.getByRole('heading', { name: 'Sync inbox' })).toBeVisible()
    const table = page.getByRole('table', { name: 'Changes from the calendars' })
    const moved = table.getByRole('row', { name: 'Moved: 2021 Mazda CX-5 (2PRY 808) · Oil change' })
    const deleted = table.getByRole('row', { name: 'Deleted: 2020 Ford Transit (FLEET7) · Tire rotation' })
    const clashA = table.getByRole('row', { name: 'Clash: 2018 Toyota Tacoma (7TRK 221) · Diagnostic' })
    const clashB = table.getByRole('row', { name: 'Clash: 2017 Subaru Outback (OUT 4040) · Transmission service' })
    await expect(moved).toContainText('Mar 11, 10:00 AM – 10:45 AM')
    await expect(moved).toContainText('Mar 11, 2:00 PM – 2:45 PM')
    await expect(moved).toContainText('Shop bookings · Google (shop.owner@example.com)')
    await expect(deleted).toContainText('Mar 11, 11:00 AM – 11:30 AM')
    await expect(deleted).toContainText('Deleted there; the work is unbooked')
    await expect(clashA).toContainText('Not applied: Bay 1 is booked')
    await expect(page.getByText('2 clashes waiting for a decision')).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    // Each row opens its activity in the panel.
    await moved.getByRole('button', { name: 'Open 2021 Mazda CX-5 (2PRY 808) · Oil change' }).click()
    const panel = page.getByRole('dialog', { name: 'Activity' })
    await expect(panel.locator('[data-field="Booked"]')).toContainText('2:00 PM – 2:45 PM')
    await page.getByRole('button', { name: 'Close the activity panel' }).click()
    await deleted.getByRole('button', { name: /^Open / }).click()
    await expect(panel).toContainText('Tire rotation')
    await expect(panel.locator('[data-field="Booked"]')).toContainText('Not booked')
    await page.getByRole('button', { name: 'Close the activity panel' }).click()

    // Dismiss the move and the delete: they leave "Not seen yet" and the header count drops.
    await moved.getByRole('button', { name: /^Seen: / }).click()
    await expect(moved).toHaveCount(0)
    await deleted.getByRole('button', { name: /^Seen: / }).click()
    await expect(deleted).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Sync inbox, 2 changes not seen yet' })).toBeVisible()
    await page.getByText('Everything', { exact: true }).click()
    await expect(moved).toContainText('Seen')
    await expect(moved.getByRole('button', { name: /^Seen: / })).toHaveCount(0)

    // Take theirs while it still clashes: refused, named, nothing changes.
    await clashA.getByRole('button', { name: /^Take theirs: / }).click()
    await expect(page.getByRole('alert').filter({ hasText: /Bay 1 is booked 9:00 AM – 10:00 AM/ })).toBeVisible()
    expect((await shop.call('activities.get', { id: changes.clashA.id })).start).toBe(edt('2026-03-12T11:00'))
    // The blocker moves out of the way; now taking the calendar's time fits.
    const blocker = await shop.call('activities.get', { id: changes.blocker.id })
    await shop.call('activities.book', {
      id: blocker.id,
      version: blocker.version,
      start: edt('2026-03-12T15:00'),
      end: edt('2026-03-12T16:00'),
      bayId: ref.bays[0]!.id,
    })
    await clashA.getByRole('button', { name: /^Take theirs: / }).click()
    await expect(clashA).toContainText('Took the calendar’s time')
    await expect.poll(async () => (await shop.call('activities.get', { id: changes.clashA.id })).start).toBe(edt('2026-03-12T09:00'))
    // Keep ours: the booking stays, and the next sync puts the shop's time back on Google.
    await clashB.getByRole('button', { name: /^Keep ours: / }).click()
    await expect(clashB).toContainText('Kept the shop’s time; the calendar was corrected')
    await expect(page.getByText('2 clashes waiting for a decision')).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Sync inbox', exact: true })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    await shop.call('sync.now', {})
    expect((await shop.call('activities.get', { id: changes.clashB.id })).start).toBe(edt('2026-03-12T13:00'))
    expect(Date.parse(eventOf(google, changes.clashB.id).start!.dateTime!)).toBe(Date.parse(edt('2026-03-12T13:00')))
    expect(Date.parse(eventOf(google, changes.clashA.id).start!.dateTime!)).toBe(Date.parse(edt('2026-03-12T09:00')))

    // The sync log links back to the inbox and shows the decisions, the dismissals and the updates pushed.
    await page.goto('/#/sync-log')
    const log = page.getByRole('table', { name: 'Sync log' })
    await expect(log.getByRole('row', { name: /Seen in the inbox/ })).toHaveCount(2)
    await expect(log.getByRole('row', { name: /Clash resolved/ })).toHaveCount(2)
    // Keep ours re-sent the Subaru's time; the blocker's move was sent too.
    await expect(log.getByRole('row', { name: /Sent \(update\) Updated the event on Shop bookings/ })).toHaveCount(2)
    await page.getByRole('link', { name: 'Sync inbox', exact: true }).first().click()
    await expect(page.getByRole('heading', { name: 'Sync inbox' })).toBeVisible()
  })

  test('an account left "Connecting" by a closed app offers Cancel and Connect again', async ({ page, shop }) => {
    // A sign-in started, then the app (and its waiting listener) went away: the account stays "connecting".
    await shop.call('sync.connect', { provider: 'google' })
    await page.goto('/#/settings?tab=calendars')
    const card = page.getByRole('region', { name: 'Google account Google account' })
    await expect(card).toContainText('Connecting')
    await expect(card).toContainText('never finished')
    await expectNoSeriousA11yViolations(page)
    await card.getByRole('button', { name: 'Cancel' }).click()
    await expect(card).toHaveCount(0)
    await expect.poll(async () => shop.call('sync.accounts', {})).toEqual([])

    // Again, and this time connect it in place.
    await shop.call('sync.connect', { provider: 'google' })
    await page.reload()
    await card.getByRole('button', { name: 'Connect again' }).click()
    await playBrowser(page)
    await expect(page.getByRole('region', { name: 'Google account shop.owner@example.com' })).toContainText('Connected')
    expect(await shop.call('sync.accounts', {})).toHaveLength(1)
  })
})
