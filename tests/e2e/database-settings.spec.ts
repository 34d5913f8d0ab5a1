import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { test, expect, expectNoSeriousA11yViolations } from './fixtures'
import { startWrongPasswordServer } from '../helpers/fake-pg-auth'

/** The form's fields of Settings → Database. */
async function fillServer(page: Page, url: string, password: string) {
  const u = new URL(url)
  const form = page.getByRole('form', { name: 'Database server' })
  await form.getByRole('textbox', { name: 'Server (host name or address)' }).fill(u.hostname)
  await form.getByRole('textbox', { name: 'Port' }).fill(u.port || '5432')
  await form.getByRole('textbox', { name: 'Database' }).fill(u.pathname.slice(1))
  await form.getByRole('textbox', { name: 'User' }).fill(decodeURIComponent(u.username))
  await form.getByRole('textbox', { name: 'Password' }).fill(password)
  return form
}

test.describe('Settings → Database', () => {
  test('shows the local file this desk uses; Test connection says plainly when the password is wrong or the server is not there', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=database')
    const inUse = page.getByRole('group', { name: 'Database in use' })
    // The first screen of a fresh worker loads its settings chunk lazily; on a busy shared machine that takes seconds.
    await expect(inUse).toContainText('This desk uses the local database file', { timeout: 15_000 })
    await expect(inUse).toContainText(shop.dbPath)
    // The backups of that file share the tab.
    await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
    const wrong = await startWrongPasswordServer()
    try {
      const form = await fillServer(page, wrong.url, 'not-the-password')
      await form.getByRole('button', { name: 'Test connection' }).click()
      const alert = form.getByRole('alert')
      await expect(alert).toContainText('Cannot use this server')
      await expect(alert).toContainText('refused the user name or password')
      await expect(alert).not.toContainText('not-the-password')
      await expectNoSeriousA11yViolations(page)

      await form.getByRole('textbox', { name: 'Port' }).fill('1')
      await form.getByRole('button', { name: 'Test connection' }).click()
      await expect(alert).toContainText('cannot be reached')
      // Nothing was chosen by testing.
      await expect(page.getByText('Restart to switch')).toHaveCount(0)
    } finally {
      await wrong.close()
    }
  })

  test('connects to a real server, then keeps it for the next start without its password in the desk file', async ({ page, shop }) => {
    const server = process.env.SHOP_TEST_PG_URL
    test.skip(!server, 'needs a PostgreSQL server in SHOP_TEST_PG_URL (.ci/run starts one)')
    await page.goto('/#/settings?tab=database')
    const form = await fillServer(page, server!, 'typed-secret')
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('status').filter({ hasText: 'Connected' })).toContainText(/Connected to PostgreSQL \d+/)

    await form.getByRole('button', { name: 'Use this server' }).click()
    const restart = page.getByRole('status').filter({ hasText: 'Restart to switch' })
    await expect(restart).toContainText('From its next start this desk uses')
    // Until then the desk keeps working on its file.
    await expect(page.getByRole('group', { name: 'Database in use' })).toContainText(shop.dbPath)
    const desk = readFileSync(join(dirname(shop.dbPath), 'desk.json'), 'utf8')
    expect(JSON.parse(desk).server).toMatch(/^postgres:\/\/[^:]+@/)
    expect(desk).not.toContain('typed-secret')

    await page.getByRole('button', { name: 'Use the local file again' }).click()
    await expect(restart).toHaveCount(0)
  })
})
