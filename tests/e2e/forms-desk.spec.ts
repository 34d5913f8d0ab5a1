import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedCustomer } from './fixtures'
import { seedBusyWeek } from './support/busy-week-seed'

// Forms, words and lists (issue 10 §4). "Now" is the fixtures' default, 2026-03-10.
const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title })

async function newVehicle(page: Page, vin: string) {
  await page.goto('/#/vehicles')
  await page.getByRole('button', { name: 'New vehicle' }).click()
  const form = dialog(page, 'New vehicle')
  await page.getByRole('combobox', { name: 'Customer' }).click()
  await page.getByRole('option', { name: 'Dana Reyes' }).click()
  await form.getByRole('textbox', { name: 'VIN' }).fill(vin)
  await form.getByRole('textbox', { name: 'Make' }).fill('Ford')
  await form.getByRole('textbox', { name: 'Model', exact: true }).fill('F-150')
  await form.getByRole('textbox', { name: 'Model year' }).fill('2020')
  await form.getByRole('button', { name: 'Create vehicle' }).click()
  return form
}

test.describe('VIN check digit', () => {
  test('a North American VIN whose check digit does not match warns once, and saves anyway when asked', async ({ page, shop }) => {
    await seedCustomer(shop)
    // The 9th character should be 9.
    const form = await newVehicle(page, '1FTEW1EP0LFA00001')
    const warning = form.getByTestId('vin-warning')
    await expect(warning).toContainText('does not match the check digit')
    expect(await shop.call('vehicles.list', { status: 'all' })).toEqual([])
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    await warning.getByRole('button', { name: 'Save anyway' }).click()
    await expect(form).toBeHidden()
    const [saved] = await shop.call('vehicles.list', { status: 'all' })
    expect(saved!.vin).toBe('1FTEW1EP0LFA00001')
  })

  test('a matching check digit, or a VIN from another market, saves at once', async ({ page, shop }) => {
    await seedCustomer(shop)
    let form = await newVehicle(page, '1HGCM82633A004352')
    await expect(form).toBeHidden()
    form = await newVehicle(page, 'WVWZZZ1JZXW000001')
    await expect(form).toBeHidden()
    expect((await shop.call('vehicles.list', { status: 'all' })).map((v) => v.vin).sort()).toEqual(['1HGCM82633A004352', 'WVWZZZ1JZXW000001'])
  })
})

test.describe('statistics', () => {
  test('the month by status: whole-number axis, each bar labelled with its count, zero bars visible', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    const stats = await shop.call('activities.stats', { from: '2026-03-01', to: '2026-03-31' })
    await page.goto('/#/today')
    const chart = page.locator('#month-stats-title').locator('xpath=ancestor::section').locator('.recharts-wrapper').first()
    await chart.scrollIntoViewIfNeeded()
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
    await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-text').first()).toBeVisible()
    const ticks = await chart.locator('.recharts-yAxis-tick-labels .recharts-text').allTextContents()
    expect(ticks.length).toBeGreaterThan(1)
    for (const t of ticks) expect(t).toMatch(/^\d+$/)
    const labels = await chart.locator('.recharts-label-list text').allTextContents()
    const counts = ['scheduled', 'in_progress', 'completed', 'cancelled', 'missed'].map((s) => String(stats.byStatus[s as keyof typeof stats.byStatus]))
    expect(labels).toEqual(counts)
    expect(counts).toContain('0')
    const heights = await chart.locator('.recharts-bar-rectangle path').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))
    expect(heights).toHaveLength(5)
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(2)
  })
})
