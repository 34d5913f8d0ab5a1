/** The kinds of work the shop does (inspections, maintenance, repairs), each with its category and duration. */
import { z } from 'zod'
import { byId, id, requiredText } from './common'

export const CATEGORIES = ['inspection', 'maintenance', 'repair', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
export interface ActivityType {
  id: number
  name: string
  category: Category
  durationMinutes: number
  active: boolean
  /** The two built-in inspections cannot be deleted. */
  builtin: 'initial' | 'minor' | null
}
export const activityTypeFields = z.object({
  name: requiredText('Name', 80),
  category: z.enum(CATEGORIES),
  durationMinutes: z
    .number()
    .int()
    .min(5, 'At least 5 minutes')
    .max(24 * 60, 'At most a day'),
})

export const activityTypeSchemas = {
  list: z.object({ includeInactive: z.boolean().optional() }),
  create: activityTypeFields,
  update: activityTypeFields.extend({ id, active: z.boolean() }),
  delete: byId,
}
