import type { Page } from '@playwright/test'
import { seedReference } from './support/seed-reference'
import { saveScreen } from './support/screens'
import { connectShopCalendar, expect, test } from './support/google-shop'
import { seedReturnedChanges } from './support/sync-inbox-seed'

/** Closes the toasts ("connected", "synced", staff notices) so the screenshot shows the page under them. */
async function closeToasts(page: Page) {
  const toasts = page.locator('.mantine-Notification-root')
  // More may come while closing (a staff notice follows the sync): close until none is left.
  await expect(async () => {
    for (const close of await toasts.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 1_000 }).catch(() => {})
    await page.waitForTimeout(400)
    expect(await toasts.count()).toBe(0)
  }).toPass({ timeout: 15_000 })
}

test('sync inbox: a 4-bay shop with a move, a delete and two clashes back from Google', async ({ page, shop, google }) => {
  test.setTimeout(120_000)
  const ref = await seedReference(shop)
  const { card } = await connectShopCalendar(page, shop)
  await seedReturnedChanges(shop, google, ref)
  await card.getByRole('button', { name: 'Sync now' }).click()
  await expect(page.getByRole('link', { name: 'Sync inbox, 4 changes not seen yet' })).toBeVisible()
  await page.getByRole('link', { name: 'Sync inbox, 4 changes not seen yet' }).click()
  await expect(page.getByRole('table', { name: 'Changes from the calendars' }).getByRole('row')).toHaveCount(5)
  await closeToasts(page)
  await saveScreen(page, 'sync-inbox-unseen', { fullPage: true })

  const table = page.getByRole('table', { name: 'Changes from the calendars' })
  await table
    .getByRole('row', { name: /^Moved: / })
    .getByRole('button', { name: /^Seen: / })
    .click()
  await table
    .getByRole('row', { name: /^Clash: 2017 Subaru/ })
    .getByRole('button', { name: /^Keep ours: / })
    .click()
  await page.getByText('Everything', { exact: true }).click()
  await expect(table.getByRole('row', { name: /^Clash: 2017 Subaru/ })).toContainText('Kept the shop’s time')
  await closeToasts(page)
  await saveScreen(page, 'sync-inbox-everything', { fullPage: true })

  await table
    .getByRole('row', { name: /^Moved: / })
    .getByRole('button', { name: /^Open / })
    .click()
  await expect(page.getByRole('dialog', { name: 'Activity' })).toContainText('Oil change')
  await saveScreen(page, 'sync-inbox-activity-panel')
})
