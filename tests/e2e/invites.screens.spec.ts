import { test, expect } from './fixtures'
import { seedBusyShop } from './support/activities-seed'
import { saveScreen } from './support/screens'
import { settled } from './support/motion'
import { holdResponses } from './support/hold-response'

// Screenshots of where the invite exports sit, for a person to look at (.tmp/screens): the
// vehicle page's header with its export menu open, the calendar's header in its most crowded
// view, the range dialog, and the activity panel's invite. Each checks what it shows first.
test.describe('screens: invites', () => {
  test('export menu, calendar header, range dialog, panel invite', async ({ page, shop }) => {
    const seeded = await seedBusyShop(shop, shop.timeZone)
    await shop.call('settings.update', { shopEmail: 'desk@eastside-auto.example', shopAddress: '88 Harbor Road, Quincy, MA 02169' })
    const civic = seeded.vehicles[0]!

    await page.goto(`/#/vehicles/${civic.id}`)
    await expect(page.getByRole('heading', { name: /Honda Civic/ })).toBeVisible()
    await page.getByRole('button', { name: 'Export calendar' }).click()
    await expect(page.getByRole('menuitem', { name: /This vehicle's upcoming schedule/ })).toBeVisible()
    await saveScreen(page, 'invites-vehicle-export-menu')
    await page.keyboard.press('Escape')

    await page.goto('/#/calendar')
    await expect(page.locator('.rbc-month-view .rbc-event').first()).toBeVisible()
    await saveScreen(page, 'invites-calendar-month')
    // Week by bay: the toolbar's fullest state (grouping and view switchers side by side).
    await page.getByText('Week', { exact: true }).click()
    await page.getByText('By bay', { exact: true }).click()
    await expect(page.locator('.rbc-time-view .rbc-event').first()).toBeVisible()
    await expect(page.getByText('Agenda', { exact: true })).toBeInViewport()
    const exportButton = page.getByRole('button', { name: 'Export', exact: true })
    await expect(exportButton).toBeInViewport({ ratio: 1 })
    // Its label whole, not cut to "Expor" by the filters beside it (a string: no DOM types here).
    expect(
      await page.evaluate(`(() => {
      const label = [...document.querySelectorAll('.mantine-Button-label')].find((l) => l.textContent === 'Export')
      return label ? label.scrollWidth <= label.clientWidth : 'no label'
    })()`),
    ).toBe(true)
    await saveScreen(page, 'invites-calendar-week-by-bay')

    await exportButton.click()
    await page.getByRole('menuitem', { name: /The shop's schedule for a date range/ }).click()
    const dialog = page.getByRole('dialog', { name: "Export the shop's schedule" })
    await expect(dialog.getByLabel('From')).toHaveValue('Mar 8, 2026')
    await settled(page)
    await saveScreen(page, 'invites-range-dialog')
    await dialog.getByLabel('From').click()
    await expect(page.getByRole('button', { name: '8 March 2026', exact: true })).toBeVisible()
    await saveScreen(page, 'invites-range-dialog-picker')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: '8 March 2026', exact: true })).toBeHidden()

    // The export under way: its answer held back so the progress stays on screen.
    const release = await holdResponses(page, 'invites.exportRange')
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByText(/^\d+ of \d+ events$/)).toBeVisible()
    await saveScreen(page, 'invites-range-dialog-progress')
    release()
    await downloading
    await expect(dialog).toBeHidden()
    await expect(page.getByText(/^\d+ events exported$/)).toBeVisible()
    await saveScreen(page, 'invites-range-exported')

    // Tomorrow's tire rotation: sent once, then moved, so the panel asks for an update.
    const booked = seeded.week[0]!
    await page.getByText('Month', { exact: true }).click()
    await page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${booked.id}"]`) }).click()
    const invite = page.getByTestId('send-invite')
    const [download] = await Promise.all([page.waitForEvent('download'), invite.getByRole('button', { name: 'Save invite' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.ics$/)
    await expect(invite).toHaveAttribute('data-invite-state', 'sent')
    await saveScreen(page, 'invites-panel-sent')
    const current = await shop.call('activities.get', { id: booked.id })
    await shop.call('activities.book', {
      id: booked.id,
      version: current.version,
      start: new Date(new Date(current.start!).getTime() + 60 * 60_000).toISOString(),
    })
    await expect(invite).toHaveAttribute('data-invite-state', 'changed')
    await saveScreen(page, 'invites-panel-changed')
    const moved = await shop.call('activities.get', { id: booked.id })
    await shop.call('activities.cancel', { id: booked.id, version: moved.version, reason: 'Customer sold the car' })
    await expect(invite.getByRole('button', { name: 'Save the cancellation' })).toBeVisible()
    await saveScreen(page, 'invites-panel-cancelled')
  })
})
