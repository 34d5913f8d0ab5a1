import { expect, type Page } from '@playwright/test'

export type ViewName = 'Month' | 'Week' | 'Day' | 'Agenda'

// The toolbar's heading for each view ("March 2026", "Mar 8 – 14, 2026", "Tue, Mar 10, 2026").
const HEADING: Record<ViewName, RegExp> = {
  Month: /^[A-Z][a-z]+ \d{4}$/,
  Week: / – /,
  Day: /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
  Agenda: / – /,
}
const GRID: Record<ViewName, string> = { Month: '.rbc-month-view', Week: '.rbc-time-view', Day: '.rbc-time-view', Agenda: '.rbc-agenda-view' }

/**
 * Picks a view in the toolbar as a person does, and returns once it is drawn with its own
 * bookings: its heading, its grid, and no fetch under way. A box read before that would be the
 * previous view's.
 */
export async function showView(page: Page, name: ViewName) {
  await page.getByText(name, { exact: true }).click()
  await expect(page.getByTestId('calendar-range')).toHaveText(HEADING[name])
  await expect(page.locator(GRID[name])).toBeVisible()
  await expect(page.getByTestId('calendar')).toHaveAttribute('aria-busy', 'false')
}
