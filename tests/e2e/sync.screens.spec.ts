import { seedVehicle } from './fixtures'
import { seedReference } from './support/seed-reference'
import { saveScreen } from './support/screens'
import { SHOP_CAL, expect, playBrowser, test } from './support/google-shop'

const WED_10AM = '2026-03-11T14:00:00.000Z'
const WED_11AM = '2026-03-11T15:00:00.000Z'

test('sync screens: accounts, waiting for the browser, the log, the reconnect banner and a paused delete', async ({ page, shop, google }) => {
  test.setTimeout(120_000)
  const ref = await seedReference(shop)
  const vehicles = [
    await seedVehicle(shop, { make: 'Mazda', model: 'CX-5', licensePlate: '2PRY 808' }),
    await seedVehicle(shop, { make: 'Ford', model: 'Transit', licensePlate: 'FLEET7' }),
    await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: 'ABC123' }),
  ]

  await page.goto('/#/settings?tab=calendars')
  await expect(page.getByRole('button', { name: 'Connect Google' })).toBeVisible()
  await saveScreen(page, 'sync-accounts-empty')
  await page.getByRole('button', { name: 'Connect Google' }).click()
  await expect(page.getByRole('status', { name: 'Waiting for the browser' })).toBeVisible()
  await saveScreen(page, 'sync-waiting-for-browser')
  await playBrowser(page)
  const card = page.getByRole('region', { name: 'Google account shop.owner@example.com' })
  await expect(card).toContainText('Connected')
  const account = (await shop.call('sync.accounts', {}))[0]!
  await shop.call('sync.chooseCalendar', { accountId: account.id, remoteId: SHOP_CAL, summary: 'Shop bookings', role: 'shop' })
  let hour = 0
  for (const v of vehicles) {
    const start = new Date(Date.parse(WED_10AM) + hour * 3_600_000).toISOString()
    const end = new Date(Date.parse(WED_11AM) + hour * 3_600_000).toISOString()
    await shop.call('activities.createManual', { vehicleId: v.id, activityTypeId: ref.types.oil.id, start, end, bayId: ref.bays[0]!.id })
    hour += 1
  }
  await card.getByRole('button', { name: 'Sync now' }).click()
  await expect(card).toContainText('nothing waiting')
  await expect(card.getByRole('combobox', { name: 'Shop bookings go to' })).toHaveValue('Shop bookings')
  await saveScreen(page, 'sync-accounts-connected', { fullPage: true })

  // Every shop event deleted in Google at once: the round pauses and asks.
  for (const e of google.events(SHOP_CAL)) google.external.delete(SHOP_CAL, e.id)
  await card.getByRole('button', { name: 'Sync now' }).click()
  await expect(card.getByRole('alert').filter({ hasText: 'Many events were deleted' })).toBeVisible()
  await saveScreen(page, 'sync-paused-deletes')
  await card.getByRole('button', { name: 'Keep the bookings and put them back' }).click()
  await expect(card.getByRole('alert').filter({ hasText: 'Many events were deleted' })).toHaveCount(0)
  await card.getByRole('button', { name: 'Sync now' }).click()
  await expect.poll(() => google.events(SHOP_CAL).length).toBe(3)

  await page.goto('/#/sync-log')
  await expect(page.getByRole('table', { name: 'Sync log' })).toContainText('Sent (new event)')
  await saveScreen(page, 'sync-log')

  google.tokens.revoke()
  await shop.call('activities.createManual', {
    vehicleId: vehicles[0]!.id,
    activityTypeId: ref.types.oil.id,
    start: '2026-03-12T14:00:00.000Z',
    end: '2026-03-12T15:00:00.000Z',
    bayId: ref.bays[1]!.id,
  })
  await shop.call('sync.now', {})
  await page.goto('/#/today')
  await expect(page.getByRole('alert').filter({ hasText: 'Reconnect shop.owner@example.com' })).toBeVisible()
  await saveScreen(page, 'sync-reconnect-banner')
})
