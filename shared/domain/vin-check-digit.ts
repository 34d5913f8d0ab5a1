/**
 * The check digit North American VINs carry in their 9th place (49 CFR 565): each character's
 * value times its position's weight, summed, modulo 11 ("X" for 10). Other markets need not
 * use it, so a mismatch is a reason to look again, never a reason to refuse.
 */
const VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
}
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const

/**
 * The check digit a 17-character VIN should carry; null when it is not one (wrong length or
 * letters a VIN never uses).
 *
 * @example
 * expectedCheckDigit('1HGCM82633A004352') // '3'
 */
export function expectedCheckDigit(vin: string): string | null {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!
    sum += (c >= '0' && c <= '9' ? Number(c) : VALUES[c]!) * WEIGHTS[i]!
  }
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

/**
 * True when a North American VIN (first character 1–5: made in the US, Canada or Mexico) has
 * a 9th character that does not match its check digit: most likely a typo.
 *
 * @example
 * checkDigitMismatch('1HGCM82603A004352') // true: the 9th should be 3
 * checkDigitMismatch('WVWZZZ1JZXW000001') // false: a European VIN need not carry one
 */
export function checkDigitMismatch(vin: string): boolean {
  if (!/^[1-5]/.test(vin)) return false
  const expected = expectedCheckDigit(vin)
  return expected !== null && vin[8] !== expected
}
