import { z } from 'zod'

/** A calendar date in the shop's time zone, `YYYY-MM-DD`. */
export const isoDate = z
  .string({ message: 'A date is required' })
  .min(1, { message: 'A date is required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the form YYYY-MM-DD', abort: true })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number]
    const date = new Date(Date.UTC(y, m - 1, d))
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  }, 'Not a real calendar date')

/** An instant, ISO-8601 with an offset or `Z`; stored as UTC. */
export const isoInstant = z.iso.datetime({ offset: true, message: 'Use an ISO date and time with a time zone' })

export const id = z.number().int().positive()

/**
 * An email address: trimmed and lowercased (the same address matches however it was typed),
 * checked by zod's email rule. The one email rule of the contract: customers, the shop,
 * technicians, the mail server's sender and a test recipient all use it.
 *
 * @example
 * emailAddress.parse(' Desk@Example.com ') // 'desk@example.com'
 */
export const emailAddress = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.email('Not a valid email address'))

/**
 * An optional email field: blank (or absent) becomes null, so the database never holds "".
 *
 * @example
 * optionalEmail.parse('') // null
 * optionalEmail.parse('Jane@Example.com') // 'jane@example.com'
 */
export const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(emailAddress.nullable())

// Control characters (NUL, escapes, …) corrupt exports and terminals, and bidirectional
// overrides/isolates (U+202A–U+202E, U+2066–U+2069) make text display in an order other
// than it is stored ("Trojan Source"): a name could read as something it is not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/
// Multi-line fields (notes, an address) keep tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/

export const CONTROL_CHARACTER_MESSAGE = 'Contains a control character (such as NUL or an escape); remove it'
export const DIRECTION_CHARACTER_MESSAGE = 'Contains an invisible text-direction character (such as U+202E); remove it'

/** Why `text` is refused as typed text, or null when it is fine. */
export function textProblem(text: string, opts: { multiline?: boolean } = {}): string | null {
  if ((opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return CONTROL_CHARACTER_MESSAGE
  if (DIRECTION_CONTROL.test(text)) return DIRECTION_CHARACTER_MESSAGE
  return null
}

/**
 * Trimmed text that refuses control and direction characters: the base of every text
 * field of the contract, so every channel and every form that uses these schemas says so.
 *
 * @example
 * const search = safeText().max(200).optional()
 */
export const safeText = (opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, opts)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true })
    })

export interface TextOptions {
  /** Keeps line breaks and tabs (notes, an address). */
  multiline?: boolean
}

/** Optional free text: blank becomes null so the database never holds "". */
export const optionalText = (max: number, opts: TextOptions = {}) =>
  safeText(opts)
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null))

export const requiredText = (label: string, max: number, opts: TextOptions = {}) =>
  safeText(opts).min(1, `${label} is required`).max(max, `At most ${max} characters`)

/** What a search box sends. */
export const searchText = safeText().max(200)

export const byId = z.object({ id })
