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

/** Optional free text: blank becomes null so the database never holds "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null))

export const requiredText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `At most ${max} characters`)

export const byId = z.object({ id })
