import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedVehicle, type ShopServer } from './fixtures'
import { showView } from './support/calendar-view'
import { seedBooking, shopInstant } from './support/activities-seed'
import { clearBay } from './support/bayless'
import type { Activity } from '../../shared/domain/activities'
import { box, dragLocator } from './support/pointer'

// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York (EDT, UTC-4).
const TZ = 'America/New_York'

/** A two-bay shop with three vehicles onboarded today: three 2-hour initial inspections, unbooked. */
async function twoBayShop(shop: ShopServer) {
  const bays = [await shop.call('bays.create', { name: 'Bay 1' }), await shop.call('bays.create', { name: 'Bay 2' })]
  const sam = await shop.call('technicians.create', { name: 'Sam Ortiz', email: null })
  for (const [make, model, licensePlate] of [
    ['Honda', 'Civic', '7KXM 412'],
    ['Ford', 'Transit', 'FLEET 7'],
    ['Toyota', 'Tacoma', 'TRK 42'],
  ] as const) {
    await seedVehicle(shop, { make, model, licensePlate, onboardingDate: '2026-03-10' })
  }
  const unbooked = await shop.call('activities.unbooked', {})
  expect(unbooked).toHaveLength(3)
  return { bays, sam, unbooked }
}

async function openDay(page: Page, grouping?: 'By bay') {
  await page.goto('/#/calendar')
  await showView(page, 'Day')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByTestId('calendar-range')).toContainText('11')
  if (grouping) {
    await page.getByText(grouping, { exact: true }).click()
    await expect(page.locator('.rbc-time-header .rbc-row-resource').first()).toBeVisible()
  }
  await expect(page.locator('.rbc-time-view')).toBeVisible()
}

const card = (page: Page, a: Activity) => page.getByRole('list', { name: 'Unbooked activities' }).locator(`[data-activity-id="${a.id}"]`)

/** Mouse down on the card, a hand's worth of moves to `to`, release: the drag a person makes. */
const dragCard = dragLocator

/** The y of a time label in the day grid ("9:00 AM"), just below its line. */
async function rowY(page: Page, label: string) {
  return (await box(page.locator('.rbc-time-gutter .rbc-label', { hasText: new RegExp(`^${label}$`) }))).y + 6
}

test.describe('capacity from every view', () => {
  test('three 2-hour jobs dropped at the same time in the whole-shop view of a 2-bay shop: two take a bay each, the third is refused naming the clash and stays unbooked', async ({
    page,
    shop,
  }) => {
    const { bays, unbooked } = await twoBayShop(shop)
    await openDay(page)
    const column = await box(page.locator('.rbc-time-content .rbc-day-slot').first())
    const at9 = { x: column.x + column.width / 2, y: await rowY(page, '9:00 AM') }

    await dragCard(page, card(page, unbooked[0]!), at9)
    await expect(page.getByRole('alert').filter({ hasText: 'Booked' })).toContainText('Bay 1, Sam Ortiz')
    await expect.poll(async () => (await shop.call('activities.get', { id: unbooked[0]!.id })).bayId).toBe(bays[0]!.id)

    await dragCard(page, card(page, unbooked[1]!), { x: column.x + column.width / 4, y: at9.y })
    // (Staff notices of work starting within a day are alerts too: look for the booking's own.)
    await expect(page.getByRole('alert').filter({ hasText: 'Booked' }).filter({ hasText: 'Bay 2' })).toBeVisible()
    expect(await shop.call('activities.get', { id: unbooked[1]!.id })).toMatchObject({
      bayId: bays[1]!.id,
      start: shopInstant('2026-03-11', '09:00', TZ),
      technicianId: null,
    })

    // The third lands on the taken slot, right over the first booking.
    await dragCard(page, card(page, unbooked[2]!), at9)
    await expect(page.getByRole('alert').filter({ hasText: 'No bay is free' })).toContainText('Bay 1 is booked 9:00 AM – 11:00 AM')
    expect((await shop.call('activities.get', { id: unbooked[2]!.id })).start).toBeNull()
    await expect(card(page, unbooked[2]!)).toBeVisible()
    // No ghost: only the two bookings are drawn, and no drag preview is left behind.
    await expect(page.locator('.rbc-addons-dnd-drag-preview')).toHaveCount(0)
    await expect(page.locator('.rbc-time-content .rbc-event')).toHaveCount(2)
  })

  test('a card released over its drag preview at a column edge in the by-bay view is tried, refused with the clash named, and leaves no ghost', async ({
    page,
    shop,
  }) => {
    const { bays, unbooked } = await twoBayShop(shop)
    const [civic] = await shop.call('vehicles.list', {})
    await seedBooking(shop, TZ, {
      vehicle: civic!,
      type: (await shop.call('activityTypes.list', {})).find((t) => t.name === 'Minor inspection')!,
      day: '2026-03-11',
      time: '09:00',
      bay: bays[1],
      minutes: 240,
    })
    await openDay(page, 'By bay')
    const header = await box(page.locator('.rbc-time-header .rbc-header', { hasText: /^Bay 2$/ }))
    // One pixel inside Bay 2's right edge, at 10:00: the preview is drawn there, the slot is taken.
    const edge = { x: header.x + header.width - 1, y: await rowY(page, '10:00 AM') }
    await dragCard(page, card(page, unbooked[0]!), edge)
    await expect(page.getByRole('alert').filter({ hasText: 'Bay 2 is booked 9:00 AM – 1:00 PM' })).toBeVisible()
    expect((await shop.call('activities.get', { id: unbooked[0]!.id })).start).toBeNull()
    await expect(card(page, unbooked[0]!)).toBeVisible()
    await expect(page.locator('.rbc-addons-dnd-drag-preview')).toHaveCount(0)
    await expect(page.locator('.rbc-time-content .rbc-event')).toHaveCount(1)
  })

  test('a drop before the shop\u2019s now is refused with a clear message', async ({ page, shop }) => {
    const { unbooked } = await twoBayShop(shop)
    await page.goto('/#/calendar')
    await showView(page, 'Day')
    const column = await box(page.locator('.rbc-time-content .rbc-day-slot').first())
    await dragCard(page, card(page, unbooked[0]!), { x: column.x + column.width / 2, y: await rowY(page, '9:00 AM') })
    await expect(page.getByRole('alert').filter({ hasText: 'has already passed' })).toContainText('it is Mar 10, 2026, 11:00 AM at the shop')
    expect((await shop.call('activities.get', { id: unbooked[0]!.id })).start).toBeNull()
    await expect(page.locator('.rbc-time-content .rbc-event')).toHaveCount(0)
  })

  test('the booking form starts on "first free", books into the first free bay, and a booking without a bay is marked as needing one', async ({
    page,
    shop,
  }) => {
    const { bays, unbooked } = await twoBayShop(shop)
    const [civic] = await shop.call('vehicles.list', {})
    // Booked before bookings had to take a bay.
    const old = await seedBooking(shop, TZ, {
      vehicle: civic!,
      type: (await shop.call('activityTypes.list', {})).find((t) => t.name === 'Minor inspection')!,
      day: '2026-03-11',
      time: '14:00',
    })
    expect(old.bayId).toBe(bays[0]!.id)
    clearBay(shop.dbPath, old.id)

    await page.goto('/#/calendar')
    await page.getByRole('button', { name: `Book Initial full inspection for ${unbooked[0]!.vehicleLabel}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Book a time' })
    await expect(dialog.getByRole('combobox', { name: 'Bay' })).toHaveValue('First free bay')
    await expect(dialog.getByRole('combobox', { name: 'Technician' })).toHaveValue('First free technician')
    await dialog.getByLabel('Date').fill('Mar 11, 2026')
    await dialog.getByLabel('Time').fill('14:00')
    await dialog.getByRole('button', { name: 'Book', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('alert').filter({ hasText: 'Booked' })).toContainText('Bay 1, Sam Ortiz')

    await openDay(page)
    const event = page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${old.id}"]`) })
    await expect(event.locator('[data-needs-bay]')).toHaveText('No bay')
    await event.click()
    const panel = page.getByRole('dialog').filter({ hasText: 'Minor inspection' })
    await expect(panel.locator('[data-field="Bay"]')).toHaveText('Needs a bay')
    await expectNoSeriousA11yViolations(page)
  })
})
