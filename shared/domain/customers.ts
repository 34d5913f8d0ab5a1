import { z } from 'zod'
import { byId, id, optionalEmail, optionalText, requiredText, searchText } from './common'

export interface Customer {
  id: number
  name: string
  email: string | null
  phone: string | null
  notes: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

export interface CustomerSummary extends Customer {
  vehicleCount: number
}

export const customerFields = z.object({
  name: requiredText('Name', 200),
  email: optionalEmail,
  phone: optionalText(40),
  notes: optionalText(4000, { multiline: true }),
})

export const customerSchemas = {
  list: z.object({
    search: searchText.optional(),
    includeInactive: z.boolean().optional(),
  }),
  get: byId,
  create: customerFields,
  update: customerFields.extend({ id }),
  setActive: z.object({ id, active: z.boolean() }),
}

export type CustomerInput = z.input<typeof customerFields>
