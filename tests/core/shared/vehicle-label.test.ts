import { describe, expect, it } from 'vitest'
import { vehicleLabel } from '../../../shared/domain/vehicles'

describe('vehicleLabel: how a vehicle is named', () => {
  it('reads "[year] make model[ (plate)]" from the parts given', () => {
    expect(vehicleLabel({ year: 2019, make: 'Honda', model: 'Civic', plate: 'ABC123' })).toBe('2019 Honda Civic (ABC123)')
    expect(vehicleLabel({ year: 2019, make: 'Honda', model: 'Civic' })).toBe('2019 Honda Civic')
    expect(vehicleLabel({ make: 'Honda', model: 'Civic', plate: 'ABC123' })).toBe('Honda Civic (ABC123)')
    expect(vehicleLabel({ year: null, make: 'Honda', model: 'Civic', plate: null })).toBe('Honda Civic')
  })

  it('leaves an empty plate out rather than showing "()"', () => {
    expect(vehicleLabel({ year: 2020, make: 'Ford', model: 'Transit', plate: '' })).toBe('2020 Ford Transit')
  })
})
