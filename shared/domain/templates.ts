/** Maintenance templates: which activity type recurs, how often (months, days, miles), counted from what. */
import { z } from 'zod'
import { byId, id } from './common'
import type { Category } from './activity-types'

export const ANCHORS = ['onboarding', 'last_completed'] as const
export interface MaintenanceTemplate {
  id: number
  activityTypeId: number
  typeName: string
  category: Category
  intervalMonths: number | null
  intervalDays: number | null
  intervalMiles: number | null
  anchor: (typeof ANCHORS)[number]
  active: boolean
}
export const templateFields = z
  .object({
    activityTypeId: id,
    intervalMonths: z.number().int().min(1).max(120).nullish(),
    intervalDays: z.number().int().min(1).max(3650).nullish(),
    intervalMiles: z.number().int().min(100).max(1_000_000).nullish(),
    anchor: z.enum(ANCHORS).default('onboarding'),
  })
  .refine((t) => t.intervalMonths != null || t.intervalDays != null || t.intervalMiles != null, {
    message: 'Give at least one interval (months, days or miles)',
    path: ['intervalMonths'],
  })

export const templateSchemas = {
  list: z.object({ includeInactive: z.boolean().optional() }),
  create: templateFields,
  update: z.intersection(templateFields, z.object({ id, active: z.boolean() })),
  delete: byId,
}
