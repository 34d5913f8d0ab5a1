import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, testVin, type TestCore } from '../../helpers/core'
import { customerSchemas } from '../../../shared/domain/customers'

let core: TestCore
beforeEach(async () => {
  core = await testCore()
})
afterEach(() => core.dispose())

describe('text fields refuse control and direction characters', () => {
  it('refuses a NUL in a customer name, says why, and saves nothing', async () => {
    const error = await core.refused('customers.create', { name: 'Jane\u0000Doe' })
    expect(error.code).toBe('invalid_input')
    expect(error.issues?.[0]).toMatchObject({ path: 'name', message: expect.stringMatching(/control character/) })
    expect(await core.ok('customers.list', {})).toHaveLength(0)
  })

  it('refuses a right-to-left override in a name (it would display reversed)', async () => {
    const error = await core.refused('customers.create', { name: 'Invoice \u202Efdp.exe' })
    expect(error.message).toMatch(/text-direction character/)
    const isolate = await core.refused('customers.create', { name: 'Bob \u2067Smith' })
    expect(isolate.message).toMatch(/text-direction character/)
  })

  it('refuses an escape in a vehicle make and a direction override in its notes', async () => {
    const owner = await core.ok('customers.create', { name: 'Jane Doe' })
    const base = { customerId: owner.id, vin: testVin(1), make: 'Ford', model: 'Transit', year: 2020, onboardingDate: '2025-01-01' }
    expect((await core.refused('vehicles.create', { ...base, make: 'Fo\u001b[31mrd' })).issues?.[0]?.path).toBe('make')
    expect((await core.refused('vehicles.create', { ...base, notes: 'ok \u202D' })).issues?.[0]?.path).toBe('notes')
    expect(await core.ok('vehicles.list', {})).toHaveLength(0)
  })

  it('keeps line breaks and tabs in notes, where people type them', async () => {
    const customer = await core.ok('customers.create', { name: 'Jane Doe', notes: 'Line one\n\tLine two\r\nLine three' })
    expect(customer.notes).toBe('Line one\n\tLine two\r\nLine three')
  })

  it('refuses a line break inside a one-line field such as a name', async () => {
    expect((await core.refused('customers.update', { id: 1, name: 'Jane\nDoe' })).issues?.[0]?.path).toBe('name')
  })

  it('refuses a control character in a search box', async () => {
    expect((await core.refused('customers.list', { search: 'a\u0007' })).code).toBe('invalid_input')
    expect((await core.refused('activities.range', { from: '2025-01-01', to: '2025-01-31', text: '\u202E' })).code).toBe('invalid_input')
  })

  it('gives forms the same message (they validate with the shared schemas)', () => {
    const result = customerSchemas.create.safeParse({ name: 'A\u0000' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/control character/)
  })
})
