import { describe, expect, it } from 'vitest'
import { checkDigitMismatch, expectedCheckDigit } from '../../../shared/domain/vin-check-digit'

describe('VIN check digit', () => {
  it('computes the 9th character of North American VINs, X for 10', () => {
    expect(expectedCheckDigit('1HGCM82633A004352')).toBe('3')
    expect(expectedCheckDigit('11111111111111111')).toBe('1')
    expect(expectedCheckDigit('1M8GDM9AXKP042788')).toBe('X')
    expect(expectedCheckDigit('1HGCM8263')).toBeNull()
  })

  it('flags a North American VIN whose check digit does not match, never another market', () => {
    expect(checkDigitMismatch('1HGCM82633A004352')).toBe(false)
    expect(checkDigitMismatch('1HGCM82603A004352')).toBe(true)
    expect(checkDigitMismatch('1M8GDM9AXKP042788')).toBe(false)
    expect(checkDigitMismatch('WVWZZZ1JZXW000001')).toBe(false)
    expect(checkDigitMismatch('JM1BK32F781234567')).toBe(false)
  })
})
