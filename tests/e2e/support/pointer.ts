import { expect, type Locator, type Page } from '@playwright/test'

export interface Point {
  x: number
  y: number
}

/** A locator's box once it is drawn: a view asked for by a click draws a moment later. */
export async function box(locator: Locator) {
  await expect(locator).toBeVisible()
  const b = await locator.boundingBox()
  if (!b) throw new Error('not visible')
  return b
}

/**
 * Closes the staff-notice toasts. The bridge shows them bottom right, over the unbooked list,
 * as they come (a booking for tomorrow brings one a moment later); a person closes one that
 * covers what they want to drag.
 */
export async function closeStaffNotices(page: Page) {
  const toasts = page.locator('.mantine-Notification-root', { has: page.getByTestId('staff-notice') })
  for (const close of await toasts.locator('.mantine-Notification-closeButton').all()) {
    await close.click().catch(() => {}) // it may close itself meanwhile
  }
  await expect(toasts).toHaveCount(0)
}

/** Presses, moves in steps (react-big-calendar starts a drag only after movement) and releases. */
export async function drag(page: Page, from: Point, to: Point) {
  await closeStaffNotices(page)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 20 })
  await page.mouse.up()
}

/**
 * Drags `from` (an unbooked card) by its middle to `to`: only once nothing covers it, so the
 * press lands on the card and not on a toast that has just come up over it.
 */
export async function dragLocator(page: Page, from: Locator, to: Point) {
  await expect(async () => {
    await closeStaffNotices(page)
    await from.hover({ timeout: 1_000 })
  }).toPass()
  const b = await box(from)
  await page.mouse.down()
  await page.mouse.move(b.x + b.width / 2 + 5, b.y + b.height / 2 + 5, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 15 })
  await page.mouse.up()
}
