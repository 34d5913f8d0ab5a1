import type { Page } from '@playwright/test'

/**
 * Lets calls to one bridge channel through to the core but holds their answers until
 * `release()`: a fast job (a small export) would otherwise finish before its progress on
 * screen can be seen.
 *
 * @example
 * const release = await holdResponses(page, 'invites.exportRange')
 * await expect(dialog.getByText('13 of 13 events')).toBeVisible()
 * release()
 */
export async function holdResponses(page: Page, channel: string): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**/ipc/${channel}`, async (route) => {
    const response = await route.fetch()
    await held
    await route.fulfill({ response })
  })
  return release
}
