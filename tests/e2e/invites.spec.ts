import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import ICAL from 'ical.js'
import { test, expect, expectNoSeriousA11yViolations, seedCustomer, seedVehicle, type ShopServer } from './fixtures'
import { showView } from './support/calendar-view'
import { settled } from './support/motion'
import { seedBooking, seedShopFloor, shopInstant } from './support/activities-seed'
import { holdResponses } from './support/hold-response'

// "Now" is the fixtures' default: Tuesday 2026-03-10, 11:00 in New York (EDT, UTC-4).
const TZ = 'America/New_York'
const SHOP = {
  shopName: 'Eastside Auto Care',
  shopEmail: 'desk@eastside-auto.example',
  shopAddress: '88 Harbor Road, Quincy, MA 02169',
}
const CUSTOMER = { name: 'Dana Reyes', email: 'dana.reyes@example.com' }

interface Downloaded {
  filename: string
  text: string
  calendar: ICAL.Component
  events: ICAL.Component[]
}

/** Runs `action`, waits for the download it triggers (the bridge's saveFile) and parses it with ical.js. */
async function downloadCalendar(page: Page, action: () => Promise<void>): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()])
  const path = await download.path()
  const text = await readFile(path, 'utf8')
  const calendar = new ICAL.Component(ICAL.parse(text))
  return { filename: download.suggestedFilename(), text, calendar, events: calendar.getAllSubcomponents('vevent') }
}

/** A property's value as text; ical.js types values loosely. */
const prop = (c: ICAL.Component, name: string): string | null => {
  const v = c.getFirstPropertyValue(name)
  return v === null || v === undefined ? null : String(v)
}

const onlyEvent = (file: Downloaded): ICAL.Component => {
  expect(file.events).toHaveLength(1)
  return file.events[0]!
}

/** The address of an ORGANIZER or ATTENDEE; the URI scheme's case is free (RFC 3986). */
const mailOf = (c: ICAL.Component, name: 'organizer' | 'attendee'): string | null => prop(c, name)?.replace(/^mailto:/i, 'mailto:') ?? null

const sequenceOf = (event: ICAL.Component): number => Number(prop(event, 'sequence'))

/** DTSTART of a timed event as a UTC ISO string, to compare with what the core stores. */
const startOf = (event: ICAL.Component): string => {
  const value = event.getFirstPropertyValue('dtstart')
  if (!(value instanceof ICAL.Time)) throw new Error('DTSTART is not a date-time')
  return value.toJSDate().toISOString()
}

/** The activity id in an event's UID (`activity-<id>.<install>@shop-scheduler`). */
const activityIdOf = (event: ICAL.Component): number => {
  const uid = prop(event, 'uid') ?? ''
  const match = /^activity-(\d+)\./.exec(uid)
  if (!match) throw new Error(`Unexpected UID: ${uid}`)
  return Number(match[1])
}

const eventOf = (page: Page, activityId: number): Locator => page.locator('.rbc-event', { has: page.locator(`[data-activity-id="${activityId}"]`) })

async function shopWithCivic(shop: ShopServer, customerEmail: string | null = CUSTOMER.email) {
  const floor = await seedShopFloor(shop)
  await shop.call('settings.update', SHOP)
  const customer = await seedCustomer(shop, { name: CUSTOMER.name, email: customerEmail })
  const civic = await seedVehicle(shop, { customerId: customer.id, make: 'Honda', model: 'Civic', year: 2019, licensePlate: '7KXM 412' })
  return { floor, customer, civic }
}

async function openPanel(page: Page, activityId: number): Promise<Locator> {
  await page.goto('/#/calendar')
  await eventOf(page, activityId).click()
  const panel = page.getByTestId('activity-panel')
  await expect(panel).toHaveAttribute('data-activity-id', String(activityId))
  return panel
}

const inviteBox = (panel: Locator) => panel.getByTestId('send-invite')

test.describe('customer invites', () => {
  test('an invite, its update after a move and its cancellation carry one UID and a rising SEQUENCE', async ({ page, shop }) => {
    const { floor, civic } = await shopWithCivic(shop)
    const booked = await seedBooking(shop, TZ, {
      vehicle: civic,
      type: floor.types['Oil change']!,
      day: '2026-03-12',
      time: '10:00',
      bay: floor.bays[0],
    })

    // (a) The first invite.
    const panel = await openPanel(page, booked.id)
    const invite = inviteBox(panel)
    await expect(invite).toHaveAttribute('data-invite-state', 'never_sent')
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    const first = await downloadCalendar(page, () => invite.getByRole('button', { name: 'Save invite' }).click())
    expect(first.filename).toMatch(/\.ics$/)
    expect(prop(first.calendar, 'method')).toBe('REQUEST')
    const request = onlyEvent(first)
    const uid = prop(request, 'uid')
    expect(uid).toBeTruthy()
    expect(prop(request, 'sequence')).not.toBeNull()
    expect(prop(request, 'dtstamp')).not.toBeNull()
    expect(mailOf(request, 'organizer')).toBe(`mailto:${SHOP.shopEmail}`)
    expect(request.getFirstProperty('organizer')?.getParameter('cn')).toBe(SHOP.shopName)
    expect(mailOf(request, 'attendee')).toBe(`mailto:${CUSTOMER.email}`)
    expect(request.getFirstProperty('attendee')?.getParameter('cn')).toBe(CUSTOMER.name)
    expect(request.getFirstProperty('attendee')?.getParameter('rsvp')).toBe('TRUE')
    expect(prop(request, 'summary')).toContain('Oil change')
    expect(prop(request, 'summary')).toContain('Honda Civic')
    expect(prop(request, 'summary')).toContain('7KXM 412')
    expect(prop(request, 'location')).toBe(SHOP.shopAddress)
    expect(startOf(request)).toBe(shopInstant('2026-03-12', '10:00', TZ))
    // The panel now says the customer has it.
    await expect(invite).toHaveAttribute('data-invite-state', 'sent')
    await expect(invite.getByText('Saved as a file')).toBeVisible()
    await expect(invite.getByRole('button', { name: 'Save again' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })

    // (b) Moved elsewhere (another desk, through the channel): the open panel notices.
    const current = await shop.call('activities.get', { id: booked.id })
    await shop.call('activities.book', {
      id: booked.id,
      version: current.version,
      start: shopInstant('2026-03-13', '14:00', TZ),
      bayId: floor.bays[0]!.id,
    })
    await expect(invite).toHaveAttribute('data-invite-state', 'changed')
    await expect(invite.getByRole('status')).toHaveText('Changed since the invite (time): send an update.')
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[data-testid="activity-panel"]' })
    const second = await downloadCalendar(page, () => invite.getByRole('button', { name: 'Save the update' }).click())
    expect(prop(second.calendar, 'method')).toBe('REQUEST')
    const update = onlyEvent(second)
    expect(prop(update, 'uid')).toBe(uid)
    expect(sequenceOf(update)).toBeGreaterThan(sequenceOf(request))
    expect(startOf(update)).toBe(shopInstant('2026-03-13', '14:00', TZ))
    await expect(invite).toHaveAttribute('data-invite-state', 'sent')

    // (c) Cancelled in the panel: it offers the cancellation.
    await panel.getByRole('button', { name: 'Cancel activity…' }).click()
    await panel.getByLabel('Reason').fill('Customer sold the car')
    await panel.getByRole('button', { name: 'Cancel activity', exact: true }).click()
    await expect(panel.getByText('Cancelled', { exact: true }).first()).toBeVisible()
    await expect(invite).toHaveAttribute('data-invite-state', 'changed')
    await expect(invite.getByRole('status')).toHaveText('Cancelled since the invite: send the customer the cancellation.')
    const third = await downloadCalendar(page, () => invite.getByRole('button', { name: 'Save the cancellation' }).click())
    expect(prop(third.calendar, 'method')).toBe('CANCEL')
    const cancel = onlyEvent(third)
    expect(prop(cancel, 'uid')).toBe(uid)
    expect(sequenceOf(cancel)).toBeGreaterThan(sequenceOf(update))
    expect(prop(cancel, 'status')).toBe('CANCELLED')
    expect(mailOf(cancel, 'attendee')).toBe(`mailto:${CUSTOMER.email}`)
    await expect(invite).toHaveAttribute('data-invite-state', 'sent')
    await expect(invite.getByText('Cancellation saved as a file')).toBeVisible()
  })

  test('a customer without an email gets no invite, and the panel says why', async ({ page, shop }) => {
    const { floor, civic } = await shopWithCivic(shop, null)
    const booked = await seedBooking(shop, TZ, { vehicle: civic, type: floor.types['Oil change']!, day: '2026-03-12', time: '10:00' })

    const panel = await openPanel(page, booked.id)
    const invite = inviteBox(panel)
    await expect(invite.getByRole('note')).toHaveText(`${CUSTOMER.name} has no email address, so no invite can be sent. Add one on the Customers page first.`)
    await expect(invite.getByRole('button')).toHaveCount(0)
  })

  test("the vehicle page exports that vehicle's upcoming schedule as one calendar", async ({ page, shop }) => {
    const { floor, civic } = await shopWithCivic(shop)
    const other = await seedVehicle(shop, { make: 'Toyota', model: 'Camry', licensePlate: 'MCHEN 1' })
    const soon = await seedBooking(shop, TZ, { vehicle: civic, type: floor.types['Oil change']!, day: '2026-03-12', time: '10:00', bay: floor.bays[0] })
    const earlier = await seedBooking(shop, TZ, { vehicle: civic, type: floor.types['Diagnostics']!, day: '2026-03-09', time: '09:00' })
    await seedBooking(shop, TZ, { vehicle: other, type: floor.types['Brake service']!, day: '2026-03-12', time: '13:00' })

    // The file holds what the vehicle page lists as upcoming: not the overdue initial inspection,
    // not last Monday's booking, not the Camry's work.
    const expected = (await shop.call('activities.forVehicle', { vehicleId: civic.id })).upcoming.map((a) => a.id)
    expect(expected).toContain(soon.id)
    expect(expected).not.toContain(earlier.id)
    // The scheduler's plan ahead (inspections, oil, tires), not only the booking.
    expect(expected.length).toBeGreaterThan(3)

    await page.goto(`/#/vehicles/${civic.id}`)
    await expect(page.getByRole('heading', { name: /Honda Civic/ })).toBeVisible()
    await page.getByRole('button', { name: 'Export calendar' }).click()
    const file = await downloadCalendar(page, () => page.getByRole('menuitem', { name: /This vehicle's upcoming schedule/ }).click())

    expect(file.filename).toMatch(/\.ics$/)
    expect(file.events.map(activityIdOf).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
    for (const event of file.events) expect(prop(event, 'summary')).toContain('Honda Civic (7KXM 412)')
    const booking = file.events.find((e) => activityIdOf(e) === soon.id)!
    expect(startOf(booking)).toBe(shopInstant('2026-03-12', '10:00', TZ))
    await expect(page.getByText(`${expected.length} events exported`)).toBeVisible()
  })

  test("the calendar page exports the shop's events of a date range, with progress, and the dialog passes axe", async ({ page, shop }) => {
    const { floor, civic } = await shopWithCivic(shop)
    const camry = await seedVehicle(shop, { make: 'Toyota', model: 'Camry', licensePlate: 'MCHEN 1' })
    const inWeek = [
      await seedBooking(shop, TZ, { vehicle: civic, type: floor.types['Oil change']!, day: '2026-03-11', time: '10:00', bay: floor.bays[0] }),
      await seedBooking(shop, TZ, { vehicle: camry, type: floor.types['Brake service']!, day: '2026-03-13', time: '13:00', bay: floor.bays[1] }),
    ]
    const nextWeek = await seedBooking(shop, TZ, { vehicle: camry, type: floor.types['Diagnostics']!, day: '2026-03-17', time: '09:00' })

    await page.goto('/#/calendar')
    await showView(page, 'Week')
    await expect(page.getByTestId('calendar-range')).toHaveText('Mar 8 – 14, 2026')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(page.getByRole('menuitem', { name: /This vehicle/ })).toHaveCount(0)
    await page.getByRole('menuitem', { name: /The shop's schedule for a date range/ }).click()
    const dialog = page.getByRole('dialog', { name: "Export the shop's schedule" })
    await expect(dialog).toBeVisible()
    // Opens on the days the calendar shows.
    await expect(dialog.getByLabel('From')).toHaveValue('Mar 8, 2026')
    await expect(dialog.getByLabel('To')).toHaveValue('Mar 14, 2026')
    await settled(page)
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' })
    // Escape in a day picker closes the picker, not the dialog with the range in it.
    await dialog.getByLabel('From').click()
    const picker = page.getByRole('button', { name: '8 March 2026', exact: true })
    await expect(picker).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(picker).toBeHidden()
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('From')).toHaveValue('Mar 8, 2026')

    // Every activity of those days, booked or only due (the planner's work too), not cancelled.
    const expected = (await shop.call('activities.range', { from: '2026-03-08', to: '2026-03-14' })).filter((a) => a.status !== 'cancelled').map((a) => a.id)
    for (const b of inWeek) expect(expected).toContain(b.id)

    // Holds the finished export's answer until the dialog has shown the job's progress events,
    // so a fast export cannot close the dialog before anyone sees them.
    const release = await holdResponses(page, 'invites.exportRange')
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible()
    await expect(dialog.getByText(`${expected.length} of ${expected.length} events`)).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    release()

    const download = await downloading
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await download.path(), 'utf8')))
    const ids = calendar.getAllSubcomponents('vevent').map(activityIdOf)
    expect(ids.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
    expect(ids).not.toContain(nextWeek.id)
    expect(prop(calendar, 'method')).toBeNull()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`${expected.length} events exported`)).toBeVisible()
  })
})
