import { formatIsoDate } from '../../../shared/dates'

const MONTHS = 'january february march april may june july august september october november december'.split(' ')

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})$/i
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i

/** "Mar", "March", "Sept" and "September" count; "Ma" and "Marchx" do not. */
const monthOf = (name: string): number | undefined => {
  const lower = name.toLowerCase() === 'sept' ? 'sep' : name.toLowerCase()
  const i = MONTHS.findIndex((month) => lower.length >= 3 && month.startsWith(lower))
  return i >= 0 ? i + 1 : undefined
}

/** Two-digit years: 00–49 are this century, 50–99 the last (model years start in 1950). */
const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) + (Number(y) < 50 ? 2000 : 1900))

function real(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? formatIsoDate(year, month, day) : null
}

/**
 * Reads a date as people write them in spreadsheets: `2025-03-04`, `2025/03/04`,
 * `03/04/2025` (month first when `order` is `mdy`), `04.03.2025` (always day first),
 * `4 Mar 2025`, `Mar 4, 2025`, `4-Mar-25`. Null when it is none of them, or no real day.
 *
 * @example
 * parseSheetDate('03/04/2025', 'dmy') // '2025-04-03'
 */
export function parseSheetDate(raw: string, order: 'mdy' | 'dmy'): string | null {
  const text = raw.trim()
  let m = ISO.exec(text)
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]))
  m = NUMERIC.exec(text)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])]
    const dayFirst = m[2] === '.' || order === 'dmy'
    return real(fullYear(m[4]!), dayFirst ? b : a, dayFirst ? a : b)
  }
  m = DAY_MONTH_NAME.exec(text) ?? /^(\d{1,2})-([a-z]{3,9})-(\d{2})$/i.exec(text)
  if (m) {
    const month = monthOf(m[2]!)
    return month ? real(fullYear(m[3]!), month, Number(m[1])) : null
  }
  m = MONTH_NAME_DAY.exec(text)
  if (m) {
    const month = monthOf(m[1]!)
    return month ? real(Number(m[3]), month, Number(m[2])) : null
  }
  return null
}

/**
 * Decides how to read `01/02/2025` from the whole file, one value at a time: day first if
 * some date can only be read day first (`25/02/2025`) and none only month first; otherwise
 * month first.
 *
 * @example
 * const detector = dateOrderDetector(); detector.see('25/02/2025'); detector.order() // 'dmy'
 */
export function dateOrderDetector() {
  let dayFirst = false
  let monthFirst = false
  return {
    see(value: string): void {
      const m = NUMERIC.exec(value.trim())
      if (!m || m[2] === '.') return
      if (Number(m[1]) > 12) dayFirst = true
      if (Number(m[3]) > 12) monthFirst = true
    },
    order: (): 'mdy' | 'dmy' => (dayFirst && !monthFirst ? 'dmy' : 'mdy'),
  }
}

/** What a problem says about a date that could not be read. */
export const UNKNOWN_DATE_HINT = 'use a form such as 2025-03-04, 03/04/2025, 04.03.2025 or 4 Mar 2025'
