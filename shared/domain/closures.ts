/** Days the shop, a bay or a technician is closed: holidays, vacations. */
import { z } from 'zod'
import { byId, id, isoDate, optionalText } from './common'

export const CLOSURE_SCOPES = ['shop', 'bay', 'technician'] as const
export interface Closure {
  id: number
  startsOn: string
  endsOn: string
  scope: (typeof CLOSURE_SCOPES)[number]
  bayId: number | null
  technicianId: number | null
  /** The bay's or technician's name, for display. */
  resourceName: string | null
  reason: string | null
}
export const closureFields = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    scope: z.enum(CLOSURE_SCOPES),
    bayId: id.nullish(),
    technicianId: id.nullish(),
    reason: optionalText(200),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'Ends on or after the first day', path: ['endsOn'] })
  .refine((c) => c.scope !== 'bay' || c.bayId != null, { message: 'Choose the bay', path: ['bayId'] })
  .refine((c) => c.scope !== 'technician' || c.technicianId != null, { message: 'Choose the technician', path: ['technicianId'] })

export const closureSchemas = {
  list: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
  create: closureFields,
  delete: byId,
}
