/** The shop's technicians, whose time booked work takes. */
import { z } from 'zod'
import { id, optionalEmail, requiredText } from './common'

export interface Technician {
  id: number
  name: string
  email: string | null
  active: boolean
}

export const technicianSchemas = {
  list: z.object({ includeInactive: z.boolean().optional() }),
  create: z.object({ name: requiredText('Name', 100), email: optionalEmail }),
  update: z.object({ id, name: requiredText('Name', 100), email: optionalEmail, active: z.boolean() }),
}
