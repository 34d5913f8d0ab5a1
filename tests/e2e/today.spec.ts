import { test, expect, expectNoSeriousA11yViolations } from './fixtures'
import { seedBooking, seedBusyShop } from './support/activities-seed'
import { settled } from './support/motion'

// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York.
const TZ = 'America/New_York'

test.describe('today', () => {
  test("shows today's bookings by bay and by technician, overdue work and what is coming", async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, TZ)
    await page.goto('/#/today')

    const booked = page.getByRole('region', { name: 'Booked today' })
    await expect(booked.getByRole('region', { name: 'Bay 1' }).getByRole('button')).toHaveCount(3)
    await expect(booked.getByRole('region', { name: 'Bay 2' })).toContainText('9:00 AM')
    await expect(booked.getByRole('region', { name: 'Bay 2' })).toContainText('In progress')
    await booked.getByText('By technician', { exact: true }).click()
    await expect(booked.getByRole('region', { name: 'Sam Ortiz' }).getByRole('button')).toHaveCount(2)
    await expect(booked.getByRole('region', { name: 'Sam Ortiz' })).toContainText('Completed')

    const view = await shop.call('activities.today', {})
    expect(view.booked).toHaveLength(seeded.today.length)
    for (const [title, list] of [
      ['Overdue', view.overdue],
      ['Due soon', view.dueSoon],
      ['Next 7 days', view.upcoming],
      ['Customers to contact', view.toContact],
    ] as const) {
      const region = page.getByRole('region', { name: title })
      // A long overdue list shows its oldest eight and "Show all (N)".
      if (title === 'Overdue' && list.length > 8) await region.getByRole('button', { name: `Show all (${list.length})` }).click()
      await expect(region.locator('[data-activity-id]')).toHaveCount(list.length)
    }
    expect(view.overdue.length).toBeGreaterThan(0)
    await expect(page.getByRole('region', { name: 'Overdue' })).toContainText('Initial full inspection')

    // A row opens the activity's panel.
    await page.getByRole('region', { name: 'Overdue' }).locator('[data-activity-id]').first().click()
    await expect(page.getByTestId('activity-panel')).toContainText('Initial full inspection')
  })

  test("the month's statistics match the core's figures", async ({ page, shop }) => {
    await seedBusyShop(shop, TZ)
    const stats = await shop.call('activities.stats', { from: '2026-03-01', to: '2026-03-31' })
    await page.goto('/#/today')
    const region = page.getByRole('region', { name: /March 2026/ })
    await expect(region).toContainText(`March 2026: ${stats.total} activities`)
    await expect(region).toContainText(`Completed: ${stats.byStatus.completed}`)
    await expect(region).toContainText(`In progress: ${stats.byStatus.in_progress}`)
    await expect(region).toContainText(`Cancelled: ${stats.byStatus.cancelled}`)
    await expect(region).toContainText(`Maintenance: ${stats.byCategory.maintenance}`)
    await expect(region).toContainText(`Repair: ${stats.byCategory.repair}`)
    const rate = stats.completionRate === null ? 'nothing due yet' : `${Math.round(stats.completionRate * 100)}%`
    await expect(region).toContainText(`Completion rate: ${rate}`)
    await expect(region.locator('.recharts-bar-rectangle').first()).toBeVisible()
  })

  test('marking a customer contacted takes them off the list and is stored', async ({ page, shop }) => {
    await seedBusyShop(shop, TZ)
    const [first] = (await shop.call('activities.today', {})).toContact
    expect(first).toBeDefined()
    await page.goto('/#/today')
    const region = page.getByRole('region', { name: 'Customers to contact' })
    await expect(region.locator(`[data-activity-id="${first!.id}"]`)).toBeVisible()
    await region
      .getByRole('button', { name: `Mark ${first!.customerName} contacted about ${first!.typeName}` })
      .first()
      .click()
    await expect(region.locator(`[data-activity-id="${first!.id}"]`)).toHaveCount(0)
    expect((await shop.call('activities.get', { id: first!.id })).contactedAt).not.toBeNull()
  })

  test('a booking made elsewhere shows up without a reload', async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, TZ)
    await page.goto('/#/today')
    const booked = page.getByRole('region', { name: 'Booked today' })
    await expect(booked.locator('[data-activity-id]')).toHaveCount(seeded.today.length)
    const made = await seedBooking(shop, TZ, {
      vehicle: seeded.vehicles[0]!,
      type: seeded.types['Tire rotation']!,
      day: '2026-03-10',
      time: '16:15',
      bay: seeded.bays[2],
      technician: seeded.technicians[2],
    })
    await expect(booked.locator(`[data-activity-id="${made.id}"]`)).toContainText('Tire rotation')
    await expect(booked.locator('[data-activity-id]')).toHaveCount(seeded.today.length + 1)
  })

  test('has no serious accessibility problems', async ({ page, shop }) => {
    await seedBusyShop(shop, TZ)
    await page.goto('/#/today')
    await expect(page.getByRole('region', { name: 'Booked today' }).locator('[data-activity-id]').first()).toBeVisible()
    const month = page.getByRole('region', { name: /March 2026/ })
    await expect(month).toBeVisible()
    // Both charts drawn (they size themselves after mounting), and nothing still fading in:
    // axe reads colours mid-fade as they are.
    await expect(month.locator('.recharts-wrapper')).toHaveCount(2)
    await settled(page)
    await expectNoSeriousA11yViolations(page)
  })
})
