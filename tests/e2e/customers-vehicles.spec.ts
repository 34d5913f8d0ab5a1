import type { Page } from '@playwright/test'
import { test, expect, expectNoSeriousA11yViolations, seedCustomer, seedFrontDesk, seedVehicle, vin } from './fixtures'

/** The open dialog with this title. */
const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title })

async function pickCustomer(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Customer' }).click()
  await page.getByRole('option', { name }).click()
}

test.describe('customers and vehicles', () => {
  test('a customer and a vehicle created in the UI are there after a reload', async ({ page, shop }) => {
    await page.goto('/#/customers')
    await expect(page.getByText('No customers yet')).toBeVisible()

    await page.getByRole('button', { name: 'New customer' }).click()
    const newCustomer = dialog(page, 'New customer')
    await newCustomer.getByRole('textbox', { name: 'Name' }).fill('Dana Reyes')
    await newCustomer.getByRole('textbox', { name: 'Email' }).fill('Dana.Reyes@Example.com')
    await newCustomer.getByRole('textbox', { name: 'Phone' }).fill('(617) 555-0142')
    await newCustomer.getByRole('button', { name: 'Create customer' }).click()
    await expect(newCustomer).toBeHidden()
    await expect(page.getByRole('row', { name: /Dana Reyes/ })).toContainText('dana.reyes@example.com')

    await page.getByRole('button', { name: 'Add a vehicle for Dana Reyes' }).click()
    const newVehicle = dialog(page, 'New vehicle')
    await expect(newVehicle.getByRole('combobox', { name: 'Customer' })).toHaveValue('Dana Reyes')
    await newVehicle.getByRole('textbox', { name: 'VIN' }).fill('1hgcv1f39 ka000101')
    await newVehicle.getByRole('textbox', { name: 'Make' }).fill('Honda')
    await newVehicle.getByRole('textbox', { name: 'Model', exact: true }).fill('Civic')
    await newVehicle.getByRole('textbox', { name: 'Model year' }).fill('2019')
    await newVehicle.getByRole('textbox', { name: 'License plate' }).fill('7kxm 412')
    await newVehicle.getByRole('textbox', { name: 'Odometer (miles)' }).fill('48210')
    await newVehicle.getByRole('button', { name: 'Create vehicle' }).click()
    await expect(newVehicle).toBeHidden()

    await page.reload()
    await expect(page.getByRole('row', { name: /Dana Reyes/ })).toContainText('1 vehicle')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vehicles' }).click()
    await page.reload()
    const row = page.getByRole('row', { name: /2019 Honda Civic/ })
    await expect(row).toContainText('7KXM 412')
    await expect(row).toContainText('1HGCV1F39KA000101')
    await expect(row).toContainText('Dana Reyes')
    // Onboarded today by default: the shop's pinned today.
    await expect(row).toContainText('Mar 10, 2026')

    await row.getByRole('link', { name: '2019 Honda Civic' }).click()
    await expect(page).toHaveURL(/#\/vehicles\/\d+$/)
    await expect(page.getByRole('heading', { name: '2019 Honda Civic' })).toBeVisible()
    await expect(page.getByText('dana.reyes@example.com')).toBeVisible()

    const [stored] = await shop.call('vehicles.list', {})
    expect(stored).toMatchObject({ vin: '1HGCV1F39KA000101', licensePlate: '7KXM 412', onboardingDate: '2026-03-10', year: 2019 })
  })

  test('a bad VIN shows its error next to the field and saves nothing', async ({ page, shop }) => {
    await seedCustomer(shop, { name: 'Marcus Chen' })
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const form = dialog(page, 'New vehicle')
    await pickCustomer(page, 'Marcus Chen')
    const vinInput = form.getByRole('textbox', { name: 'VIN' })
    await vinInput.fill('4T1BF1FK0HU0O1234') // 17 characters, but an O
    await form.getByRole('textbox', { name: 'Make' }).fill('Toyota')
    await form.getByRole('textbox', { name: 'Model', exact: true }).fill('Camry')
    await form.getByRole('textbox', { name: 'Model year' }).fill('2017')
    await form.getByRole('button', { name: 'Create vehicle' }).click()

    await expect(vinInput).toHaveAttribute('aria-invalid', 'true')
    await expect(vinInput).toHaveAccessibleDescription(/letters other than I, O and Q/)
    await expect(form.getByRole('textbox', { name: 'Make' })).not.toHaveAttribute('aria-invalid', 'true')

    await vinInput.fill('4T1BF1FK0HU01234')
    await form.getByRole('button', { name: 'Create vehicle' }).click()
    await expect(vinInput).toHaveAccessibleDescription(/exactly 17 letters and digits/)

    // Still open, with everything typed.
    await expect(form.getByRole('textbox', { name: 'Make' })).toHaveValue('Toyota')
    await expect(form.getByRole('textbox', { name: 'Model year' })).toHaveValue('2017')
    expect(await shop.call('vehicles.list', { status: 'all' })).toEqual([])
  })

  test('a duplicate VIN is refused, naming the vehicle that has it, and the dialog keeps what was typed', async ({ page, shop }) => {
    const owner = await seedCustomer(shop, { name: 'Dana Reyes' })
    await seedVehicle(shop, { customerId: owner.id, vin: vin(7), make: 'Honda', model: 'Civic', year: 2019, licensePlate: '7KXM 412' })
    await seedCustomer(shop, { name: 'Priya Patel', email: 'priya@example.com' })

    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const form = dialog(page, 'New vehicle')
    await pickCustomer(page, 'Priya Patel')
    // The same VIN as typed from a registration card: lower case, with a space.
    await form.getByRole('textbox', { name: 'VIN' }).fill(
      vin(7)
        .toLowerCase()
        .replace(/(.{8})/, '$1 '),
    )
    await form.getByRole('textbox', { name: 'Make' }).fill('Mazda')
    await form.getByRole('textbox', { name: 'Model', exact: true }).fill('CX-5')
    await form.getByRole('textbox', { name: 'Model year' }).fill('2020')
    await form.getByRole('textbox', { name: 'License plate' }).fill('2PRY 808')
    await form.getByRole('button', { name: 'Create vehicle' }).click()

    const vinInput = form.getByRole('textbox', { name: 'VIN' })
    await expect(vinInput).toHaveAttribute('aria-invalid', 'true')
    await expect(vinInput).toHaveAccessibleDescription(/^This VIN is already registered to 2019 Honda Civic \(7KXM 412\), Dana Reyes\./)
    await expect(form.getByRole('textbox', { name: 'Make' })).toHaveValue('Mazda')
    await expect(form.getByRole('textbox', { name: 'License plate' })).toHaveValue('2PRY 808')
    await expect(form.getByRole('combobox', { name: 'Customer' })).toHaveValue('Priya Patel')

    const vehicles = await shop.call('vehicles.list', { status: 'all' })
    expect(vehicles.map((v) => v.make)).toEqual(['Honda'])
  })

  test('a refusal from the core lands on its field in an edit, and nothing is lost', async ({ page, shop }) => {
    const civic = await seedVehicle(shop, { make: 'Honda', model: 'Civic', year: 2019, licensePlate: '7KXM 412' })
    await page.goto(`/#/vehicles/${civic.id}`)
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    const form = dialog(page, 'Edit 2019 Honda Civic (7KXM 412)')
    await form.getByRole('textbox', { name: 'Notes' }).fill('Customer waits in the lounge.')
    // The schema in the browser allows it; only the core knows next year from its clock.
    await form.getByRole('textbox', { name: 'Model year' }).fill('2031')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect(form.getByRole('textbox', { name: 'Model year' })).toHaveAccessibleDescription(/^Model year is 2027 at the latest/)
    await expect(form.getByRole('textbox', { name: 'Notes' })).toHaveValue('Customer waits in the lounge.')

    await form.getByRole('textbox', { name: 'Model year' }).fill('2020')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect(form).toBeHidden()
    await expect(page.getByRole('heading', { name: '2020 Honda Civic' })).toBeVisible()
    await expect(page.getByText('Customer waits in the lounge.')).toBeVisible()
  })

  test('search finds a vehicle by plate however it is spaced, and by customer, VIN or model', async ({ page, shop }) => {
    await seedFrontDesk(shop)
    await page.goto('/#/vehicles')
    await expect(page.getByRole('row')).toHaveCount(9) // header + 8 active vehicles
    const search = page.getByRole('textbox', { name: 'Search vehicles' })
    const rows = page.getByRole('table', { name: 'Vehicles' }).locator('tbody tr')

    await search.fill('7kxm-41 2')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('2019 Honda Civic')

    await search.fill('northside')
    await expect(rows).toHaveCount(3)

    await search.fill('KA000107')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Mazda CX-5')

    await search.fill('ford transit')
    await expect(rows).toHaveCount(2)

    await search.fill('nothing like this')
    await expect(page.getByText('No vehicle matches')).toBeVisible()
  })

  test('deactivating asks first; inactive vehicles and customers show under their filters and come back', async ({ page, shop }) => {
    const owner = await seedCustomer(shop, { name: 'Olivia Brooks' })
    await seedVehicle(shop, { customerId: owner.id, make: 'BMW', model: '330i', year: 2016, licensePlate: 'OB 330' })

    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Deactivate 2016 BMW 330i (OB 330)' }).click()
    const confirm = dialog(page, 'Deactivate 2016 BMW 330i (OB 330)?')
    await confirm.getByRole('button', { name: 'Keep active' }).click()
    await expect(page.getByRole('row', { name: /BMW 330i/ })).toBeVisible()

    // A customer with an active vehicle cannot be deactivated; the core says which vehicle.
    await page.goto('/#/customers')
    await page.getByRole('button', { name: 'Deactivate Olivia Brooks' }).click()
    await dialog(page, 'Deactivate Olivia Brooks?').getByRole('button', { name: 'Deactivate' }).click()
    await expect(page.getByText(/Deactivate this customer's active vehicles first: BMW 330i \(OB 330\)/)).toBeVisible()

    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'Deactivate 2016 BMW 330i (OB 330)' }).click()
    await dialog(page, 'Deactivate 2016 BMW 330i (OB 330)?').getByRole('button', { name: 'Deactivate' }).click()
    await expect(page.getByText('No active vehicles')).toBeVisible()
    await page.getByRole('radiogroup', { name: 'Show vehicles by status' }).getByText('Inactive').click()
    await expect(page.getByRole('row', { name: /BMW 330i/ })).toContainText('Inactive')

    await page.goto('/#/customers')
    await page.getByRole('button', { name: 'Deactivate Olivia Brooks' }).click()
    await dialog(page, 'Deactivate Olivia Brooks?').getByRole('button', { name: 'Deactivate' }).click()
    await expect(page.getByText('No active customers')).toBeVisible()
    await page.getByRole('switch', { name: 'Show inactive' }).check()
    await expect(page.getByRole('row', { name: /Olivia Brooks/ })).toContainText('Inactive')
    await page.getByRole('button', { name: 'Reactivate Olivia Brooks' }).click()
    await expect(page.getByRole('button', { name: 'Deactivate Olivia Brooks' })).toBeVisible()
    await expect(page.getByRole('row', { name: /Olivia Brooks/ })).not.toContainText('Inactive')

    expect((await shop.call('customers.get', { id: owner.id })).active).toBe(true)
    expect((await shop.call('vehicles.list', { status: 'inactive' })).map((v) => v.model)).toEqual(['330i'])
  })

  test("an inactive owner's vehicle opens for editing with its owner shown, and saving says what to do", async ({ page, shop }) => {
    const { vehicles } = await seedFrontDesk(shop)
    const bmw = vehicles.find((v) => v.model === '330i')!
    await page.goto(`/#/vehicles/${bmw.id}`)
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    const form = dialog(page, 'Edit 2016 BMW 330i (OB 330)')
    await expect(form.getByRole('combobox', { name: 'Customer' })).toHaveValue('Olivia Brooks (inactive)')
    await form.getByRole('textbox', { name: 'Notes' }).fill('Shipped to Denver.')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect(form.getByRole('combobox', { name: 'Customer' })).toHaveAccessibleDescription(/Olivia Brooks is inactive; reactivate the customer first/)
    await expect(form.getByRole('textbox', { name: 'Notes' })).toHaveValue('Shipped to Denver.')
  })

  test('the keyboard alone registers a customer and a vehicle with a typed onboarding date', async ({ page, shop }) => {
    await page.goto('/#/customers')
    await page.getByRole('button', { name: 'New customer' }).focus()
    await page.keyboard.press('Enter')
    const newCustomer = dialog(page, 'New customer')
    await expect(newCustomer.getByRole('textbox', { name: 'Name' })).toBeFocused()
    await page.keyboard.type('Green Leaf Landscaping')
    await page.keyboard.press('Tab')
    await page.keyboard.type('office@greenleaf.example')
    await page.keyboard.press('Enter')
    await expect(newCustomer).toBeHidden()

    await page.getByRole('button', { name: 'Add a vehicle for Green Leaf Landscaping' }).focus()
    await page.keyboard.press('Enter')
    const form = dialog(page, 'New vehicle')
    await form.getByRole('textbox', { name: 'VIN' }).focus()
    await page.keyboard.type('1GCCV1F33KA000108')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Chevrolet')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Silverado 2500HD')
    await page.keyboard.press('Tab')
    await page.keyboard.type('2018')
    await page.keyboard.press('Tab')
    await page.keyboard.type('GLL 7')
    await page.keyboard.press('Tab')
    await expect(form.getByRole('textbox', { name: 'Onboarding date' })).toBeFocused()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('Apr 22, 2025')
    await page.keyboard.press('Tab')
    await expect(form.getByRole('textbox', { name: 'Odometer (miles)' })).toBeFocused()
    await page.keyboard.type('104300')
    await page.keyboard.press('Enter')
    await expect(form).toBeHidden()

    const [stored] = await shop.call('vehicles.list', {})
    expect(stored).toMatchObject({ make: 'Chevrolet', model: 'Silverado 2500HD', year: 2018, licensePlate: 'GLL 7', onboardingDate: '2025-04-22' })
  })

  test('Escape does not throw away a half-filled form without asking', async ({ page, shop }) => {
    await page.goto('/#/customers')
    await page.getByRole('button', { name: 'New customer' }).click()
    const form = dialog(page, 'New customer')
    await form.getByRole('textbox', { name: 'Name' }).fill('Marcus Chen')
    await page.keyboard.press('Escape')
    await dialog(page, 'Discard what you typed?').getByRole('button', { name: 'Keep editing' }).click()
    await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue('Marcus Chen')

    await page.keyboard.press('Escape')
    await dialog(page, 'Discard what you typed?').getByRole('button', { name: 'Discard' }).click()
    await expect(form).toBeHidden()
    expect(await shop.call('customers.list', { includeInactive: true })).toEqual([])
  })

  test('a change made elsewhere shows on the open page without a reload', async ({ page, shop }) => {
    const owner = await seedCustomer(shop, { name: 'Priya Patel' })
    await page.goto('/#/vehicles')
    await expect(page.getByText('No vehicles yet')).toBeVisible()
    // Another window, a bulk job or another client of the bridge: here, a call straight to the core.
    await seedVehicle(shop, { customerId: owner.id, make: 'Mazda', model: 'CX-5', year: 2020, licensePlate: '2PRY 808' })
    await expect(page.getByRole('row', { name: /2020 Mazda CX-5/ })).toContainText('Priya Patel')
  })

  test('a vehicle that does not exist says so', async ({ page }) => {
    await page.goto('/#/vehicles/999')
    await expect(page.getByText('This vehicle does not exist')).toBeVisible()
    await page.getByRole('link', { name: 'All vehicles' }).click()
    await expect(page.getByRole('heading', { name: 'Vehicles' })).toBeVisible()
  })

  test('axe finds no serious or critical violation on the customers and vehicles pages', async ({ page, shop }) => {
    const { vehicles } = await seedFrontDesk(shop)
    await page.goto('/#/customers')
    await expect(page.getByRole('row', { name: /Marcus Chen/ })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'New customer' }).click()
    await expect(dialog(page, 'New customer')).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')

    await page.goto('/#/vehicles')
    await expect(page.getByRole('row', { name: /Marcus Chen/ })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'New vehicle' }).click()
    await dialog(page, 'New vehicle').getByRole('button', { name: 'Create vehicle' }).click()
    await expect(dialog(page, 'New vehicle').getByRole('textbox', { name: 'VIN' })).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')

    await page.goto(`/#/vehicles/${vehicles[0]!.id}`)
    await expect(page.getByRole('heading', { name: '2019 Honda Civic' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
