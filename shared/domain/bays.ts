/** The shop's service bays, where booked work takes place. */
import { z } from 'zod'
import { id, requiredText } from './common'

export interface Bay {
  id: number
  name: string
  active: boolean
  sortOrder: number
}

export const baySchemas = {
  list: z.object({ includeInactive: z.boolean().optional() }),
  create: z.object({ name: requiredText('Name', 60) }),
  update: z.object({ id, name: requiredText('Name', 60), active: z.boolean(), sortOrder: z.number().int().optional() }),
}
