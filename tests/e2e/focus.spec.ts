import type { Page } from '@playwright/test'
import { test, expect, seedCustomer, seedVehicle } from './fixtures'

// Dialogs and the keyboard (issue 10 §4): a dialog opens on its first field, a save that cannot
// go through takes the person to the first field that needs them, and closing returns them to
// what opened the dialog.

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title })

test.describe('focus in dialogs', () => {
  test('an invalid save moves focus to the first invalid field, then to the next one once that is fixed', async ({ page }) => {
    await page.goto('/#/customers')
    await page.getByRole('button', { name: 'New customer' }).click()
    const form = dialog(page, 'New customer')
    const name = form.getByRole('textbox', { name: 'Name' })
    await expect(name).toBeFocused()
    await form.getByRole('textbox', { name: 'Email' }).fill('not an address')
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(name).toBeFocused()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await name.fill('Dana Reyes')
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(form.getByRole('textbox', { name: 'Email' })).toBeFocused()
  })

  test('a save refused by the core moves focus to the field it names', async ({ page, shop }) => {
    const owner = await seedCustomer(shop, { name: 'Dana Reyes' })
    await seedVehicle(shop, { customerId: owner.id, vin: '1HGCV1F39KA000101' })
    await page.goto('/#/vehicles')
    await page.getByRole('button', { name: 'New vehicle' }).click()
    const form = dialog(page, 'New vehicle')
    await form.getByRole('combobox', { name: 'Customer' }).click()
    await page.getByRole('option', { name: 'Dana Reyes' }).click()
    await form.getByRole('textbox', { name: 'VIN' }).fill('1HGCV1F39KA000101')
    await form.getByRole('textbox', { name: 'Make' }).fill('Honda')
    await form.getByRole('textbox', { name: 'Model', exact: true }).fill('Civic')
    await form.getByRole('textbox', { name: 'Model year' }).fill('2019')
    // Focus away from the VIN before saving: the refusal must bring it back.
    await form.getByRole('textbox', { name: 'Model year' }).focus()
    await form.getByRole('button', { name: 'Create vehicle' }).click()
    const vin = form.getByRole('textbox', { name: 'VIN' })
    await expect(vin).toHaveAttribute('aria-invalid', 'true')
    await expect(vin).toBeFocused()
  })

  test('closing a dialog returns focus to the button that opened it', async ({ page }) => {
    await page.goto('/#/customers')
    const opener = page.getByRole('button', { name: 'New customer' })
    await opener.click()
    await dialog(page, 'New customer').getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog(page, 'New customer')).toBeHidden()
    await expect(opener).toBeFocused()
    await opener.press('Enter')
    await expect(dialog(page, 'New customer').getByRole('textbox', { name: 'Name' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(dialog(page, 'New customer')).toBeHidden()
    await expect(opener).toBeFocused()
  })
})
