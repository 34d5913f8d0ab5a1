import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { showView } from './support/calendar-view'
import { box } from './support/pointer'
import { seedBusyWeek } from './support/busy-week-seed'

// A calendar a front desk reads at a glance (issue 10 §2), at a four-bay shop in a busy week.
// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York.

const eventOf = (page: Page, activityId: number): Locator => page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${activityId}"]`) })

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1

test.describe('events name the vehicle and the customer', () => {
  test('month: time, plate and work on one line, the customer in its name, five on a busy day', async ({ page, shop }) => {
    const week = await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    const first = week.bookings[3]! // Wed 9:00, the initial inspection of the Transit NSP-104
    const event = eventOf(page, first.id)
    await expect(event).toContainText('9a')
    await expect(event).toContainText(first.licensePlate!)
    await expect(event.getByRole('button')).toHaveAccessibleName(
      new RegExp(`Initial full inspection · ${first.licensePlate} · 2021 Ford Transit 250 · ${first.customerName}`),
    )
    // Wednesday has five bookings: all of them show, no "+N more".
    const wednesday = page.locator('.rbc-month-row', { has: page.locator('[data-date="2026-03-11"]') })
    for (const b of week.bookings.filter((x) => x.start?.startsWith('2026-03-11'))) await expect(eventOf(page, b.id)).toBeVisible()
    await expect(wednesday.getByText(/^\+\d+ more$/)).toHaveCount(0)
  })

  test('week, whole shop: bookings at the same time sit side by side, each line whole or ellipsed', async ({ page, shop }) => {
    const week = await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    const wednesday9 = week.bookings.filter((b) => b.start === week.bookings[3]!.start)
    expect(wednesday9).toHaveLength(4)
    const boxes = await Promise.all(wednesday9.map((b) => box(eventOf(page, b.id))))
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `events ${i} and ${j} overlap`).toBe(false)
    // No line wraps (a wrapped line breaks words: "Initi full insp ctio"); too long ends in "…".
    const lines = page.locator('.rbc-time-content .shop-event-line')
    await expect.poll(() => lines.count()).toBeGreaterThan(20)
    const wrapped = await lines.evaluateAll((els) =>
      els.filter((el) => el.getClientRects().length > 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent),
    )
    expect(wrapped).toEqual([])
  })

  test('day: the work, the vehicle and the customer each on a line', async ({ page, shop }) => {
    const week = await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Day')
    const brakes = week.bookings[1]! // today 13:00, Brake service
    const event = eventOf(page, brakes.id)
    await expect(event.locator('.shop-event-line')).toHaveText([/Brake service$/, `${brakes.licensePlate} · ${brakes.vehicleLabel}`, brakes.customerName], {
      useInnerText: true,
    })
  })
})

// Without day groups each lane's heading is in the resource row; with them, under the day's.
const LANE_HEADINGS = '.rbc-time-header .rbc-row-resource > .rbc-header, .rbc-resource-grouping > .rbc-row:nth-child(2) > .rbc-header'

/** Each lane heading's left and right edge against its column's, in page pixels. */
async function laneDrift(page: Page): Promise<number[]> {
  const headers = await page.locator(LANE_HEADINGS).evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]))
  const columns = await page
    .locator('.rbc-time-content .rbc-day-slot')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]))
  expect(headers.length).toBe(columns.length)
  return headers.flatMap(([l, r], i) => [Math.abs(l! - columns[i]![0]!), Math.abs(r! - columns[i]![1]!)])
}

test.describe('by bay', () => {
  test('day view: the bay headings sit over their columns with unbooked work in the all-day row', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Day')
    await page.getByText('By bay', { exact: true }).click()
    // Wednesday the 18th: two unbooked jobs of the Camry, long titles, in the "No bay" all-day row.
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('calendar-range')).toHaveText('Wed, Mar 18, 2026')
    await expect(page.locator('.rbc-allday-cell .rbc-event')).toHaveCount(2)
    await expect(page.locator(LANE_HEADINGS)).toHaveText(['Bay 1', 'Bay 2', 'Bay 3', 'Bay 4', 'No bay'])
    for (const d of await laneDrift(page)) expect(d).toBeLessThanOrEqual(2)
  })

  test('week view: days as groups, every bay of a day side by side', async ({ page, shop }) => {
    const week = await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByText('By bay', { exact: true }).click()
    const group = page.locator('.rbc-resource-grouping', { has: page.locator('[data-date="2026-03-11"]') })
    await expect(group.locator('.rbc-row:nth-child(2) > .rbc-header')).toHaveText(['Bay 1', 'Bay 2', 'Bay 3', 'Bay 4', 'No bay'])
    for (const d of await laneDrift(page)) expect(d).toBeLessThanOrEqual(2)
    // Wednesday 9:00 in all four bays: four columns in a row, left to right, at the same height.
    const wednesday9 = week.bookings.filter((b) => b.start === week.bookings[3]!.start)
    await group.scrollIntoViewIfNeeded()
    await page.locator('.rbc-time-content').evaluate((el, x) => el.scrollBy(x, 0), 500)
    const boxes = await Promise.all(wednesday9.map((b) => box(eventOf(page, b.id))))
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width - 2)
      expect(Math.abs(boxes[i]!.y - boxes[0]!.y)).toBeLessThan(2)
    }
    // ... and all of that day's bays fit the window at once.
    expect(boxes[3]!.x + boxes[3]!.width - boxes[0]!.x).toBeLessThan(700)
  })
})

test.describe('toolbar', () => {
  test('fits at 1280 px with the longest week title and the lane choice', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await page.getByText('By technician', { exact: true }).click()
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('calendar-range')).toHaveText('Mar 29 – Apr 4, 2026')
    const toolbar = page.getByTestId('calendar-toolbar')
    const bar = await box(toolbar)
    const parts = [
      page.getByRole('heading', { name: 'Calendar', exact: true }),
      page.getByTestId('calendar-range'),
      page.getByRole('group', { name: 'Columns' }),
      page.getByRole('group', { name: 'View' }),
    ]
    const boxes = await Promise.all(parts.map(box))
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(bar.x + bar.width + 0.5)
    // In a row, none over the next, and nothing cut by the row's own overflow.
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width)
    expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const title = page.getByTestId('calendar-range')
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  })

  test('the view, the day and the lanes survive a reload', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await page.goto('/#/calendar')
    await showView(page, 'Day')
    await page.getByText('By bay', { exact: true }).click()
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByTestId('calendar-range')).toHaveText('Wed, Mar 11, 2026')
    await page.reload()
    await expect(page.getByTestId('calendar-range')).toHaveText('Wed, Mar 11, 2026')
    await expect(page.getByRole('group', { name: 'View' }).getByRole('radio', { name: 'Day' })).toBeChecked()
    await expect(page.getByRole('group', { name: 'Columns' }).getByRole('radio', { name: 'By bay' })).toBeChecked()
    await expect(page.locator(LANE_HEADINGS)).toHaveText(['Bay 1', 'Bay 2', 'Bay 3', 'Bay 4', 'No bay'])
    // Away and back through the menu: the same view and lanes, on today.
    await page.getByRole('link', { name: 'Today' }).click()
    await page.getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByTestId('calendar-range')).toHaveText('Tue, Mar 10, 2026')
    await expect(page.getByRole('group', { name: 'Columns' }).getByRole('radio', { name: 'By bay' })).toBeChecked()
  })
})

test.describe('unbooked list', () => {
  test('lists all due work without a time, not only the days on screen, and narrows by range', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    const all = await shop.call('activities.unbookedPage', { limit: 200 })
    // The Camry's tire rotation six months on: far past the month on screen.
    const far = all.items.find((a) => a.licensePlate === 'MCHEN 1' && a.dueDate > '2026-06-01')!
    expect(far).toBeDefined()
    await page.goto('/#/calendar')
    const list = page.getByRole('region', { name: 'Unbooked' })
    await expect(list.getByLabel(`${all.total} unbooked`)).toBeVisible()
    await page.getByLabel('Vehicle or customer').fill('MCHEN')
    const item = list.locator(`[data-activity-id="${far.id}"]`)
    await expect(item).toBeVisible()
    await expect(item).toContainText(far.typeName)
    await list.getByLabel('Show').click()
    await page.getByRole('option', { name: 'Due within a month' }).click()
    await expect(item).toHaveCount(0)
    await expect(list.locator('[data-activity-id]').first()).toBeVisible()
  })

  test('a long list comes a page at a time', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    const { total } = await shop.call('activities.unbookedPage', { limit: 1 })
    expect(total).toBeGreaterThan(50)
    await page.goto('/#/calendar')
    const list = page.getByRole('region', { name: 'Unbooked' })
    await expect(list.locator('[data-activity-id]')).toHaveCount(50)
    await list.getByRole('button', { name: `Show more (${total - 50} not shown)` }).click()
    await expect(list.locator('[data-activity-id]')).toHaveCount(Math.min(100, total))
  })
})
