import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'

/** Where page screenshots go for a person to look at (gitignored). */
export const SCREENS_DIR = resolve('.tmp/screens')

/**
 * Saves what the page shows now as `.tmp/screens/<name>.png`, after fonts and the pending
 * network have settled, so a reviewer sees the page and not its loading state.
 *
 * @example
 * await saveScreen(page, 'vehicles-list')
 */
export async function saveScreen(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true })
  await page.waitForLoadState('networkidle').catch(() => {})
  // A string, so this Node-typed file needs no DOM types: it runs in the page.
  await page.evaluate('document.fonts.ready.then(() => true)')
  const path = join(SCREENS_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: opts.fullPage ?? false, animations: 'disabled' })
  return path
}
