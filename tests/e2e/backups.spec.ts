import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { test, expect, expectNoSeriousA11yViolations, seedFrontDesk } from './fixtures'
import { saveScreen } from './support/screens'
import { seedReference } from './support/seed-reference'
import { createCore, type Core } from '../../electron/core'
import { fixedClock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import { shopClient } from './support/shop-client'

test.describe('backups in Settings', () => {
  test('back up now, then restore it after asking with what it holds', async ({ page, shop }) => {
    test.slow() // seeds a whole shop and runs axe twice: slow on a shared CI machine
    await seedReference(shop)
    const book = await seedFrontDesk(shop)
    await page.goto('/#/settings?tab=backups')
    await expect(page.getByText('No backups yet')).toBeVisible()
    await page.getByRole('button', { name: 'Back up now' }).click()
    const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row')
    await expect(rows).toHaveCount(2) // heading + the new backup
    await expect(rows.nth(1)).toContainText('Backed up by hand')
    await expectNoSeriousA11yViolations(page)
    await saveScreen(page, 'settings-backups')

    const customersAtBackup = (await shop.call('customers.list', {})).length
    await shop.call('customers.create', { name: 'Walk-in After Backup' })
    await rows
      .nth(1)
      .getByRole('button', { name: /Restore the backup from/ })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(dialog).toContainText(`${book.customers.length} customers, ${book.vehicles.length} vehicles`)
    await expect(dialog).toContainText('backed up first')
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await saveScreen(page, 'settings-backups-restore-confirm')
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByText(/Restored the backup from/)).toBeVisible()
    // The safety copy of what was open joins the list.
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1)).toContainText('Before a restore')
    const names = (await shop.call('customers.list', {})).map((c) => c.name)
    expect(names).not.toContain('Walk-in After Backup')
    expect(names).toHaveLength(customersAtBackup)
  })

  test('keep-N and the folder are saved; a relative folder is refused next to the field', async ({ page, shop }) => {
    await page.goto('/#/settings?tab=backups')
    await page.getByRole('textbox', { name: 'Backups to keep' }).fill('5')
    await page.getByRole('textbox', { name: 'Backup folder' }).fill('usb/backups')
    await page.getByRole('button', { name: 'Save backup settings' }).click()
    await expect(page.getByText('Give the full path of the folder')).toBeVisible()
    const folder = join(shop.dbPath, '..', 'usb')
    await page.getByRole('textbox', { name: 'Backup folder' }).fill(folder)
    await page.getByRole('button', { name: 'Save backup settings' }).click()
    await expect(page.getByText('Backup settings saved')).toBeVisible()
    expect(await shop.call('backups.list', {})).toMatchObject({ keep: 5, folder, effectiveFolder: folder })
  })
})

test.describe('the recovery screen', () => {
  let dir: string
  let core: Core | null = null
  let bridge: Bridge | null = null
  test.afterEach(async () => {
    await bridge?.close()
    await core?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('a damaged database shows recovery instead of the app, and restoring the latest good backup brings the shop back', async ({ page }) => {
    test.slow() // seeds a whole shop, restarts the core, runs axe
    dir = mkdtempSync(join(tmpdir(), 'shop-e2e-recovery-'))
    const dbPath = join(dir, 'shop.db')
    const open = async () => {
      core = await createCore({ dbPath, clock: fixedClock('2026-03-10T15:00:00Z'), timeZone: 'America/New_York', log: silentLogger, integrityDelayMs: 60_000 })
      bridge = await startBridge({ core, rendererDir: process.env.SHOP_RENDERER_DIR ?? resolve('out/renderer'), port: 0 })
      return shopClient(bridge.url)
    }
    const first = await open()
    await seedReference(first)
    const book = await seedFrontDesk(first)
    const listed = (await first.call('customers.list', {})).length
    await first.call('backups.create', {})
    await bridge!.close()
    await core!.close()
    // Garble the customers table's first page, as a failing disk would.
    const sqlite = new SqliteDatabase(dbPath)
    const { rootpage } = sqlite.prepare("select rootpage from sqlite_master where name = 'customers'").get() as { rootpage: number }
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number
    sqlite.close()
    const fd = openSync(dbPath, 'r+')
    writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, (rootpage - 1) * pageSize + 8)
    closeSync(fd)

    const client = await open()
    await page.goto(bridge!.url)
    await expect(page.getByRole('heading', { name: 'The shop’s database is damaged' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
    await expect(page.getByText(`${book.customers.length} customers`)).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await saveScreen(page, 'recovery-damaged')

    await page.getByRole('button', { name: 'Restore this backup…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
    await expect(dialog).toContainText('The damaged file is kept beside it')
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    await expect(page.getByText(/The refused file is kept as .*shop\.db\.damaged-/)).toBeVisible()
    await saveScreen(page, 'recovery-restored')
    expect(await client.call('customers.list', {})).toHaveLength(listed)
  })
})
