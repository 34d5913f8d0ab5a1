import type { HandlerMap } from '../handler'
import { notFound } from '../errors'
import { toClosure } from './map'
import { findBay } from '../bays/queries'
import { findTechnician } from '../technicians/queries'
import { deleteClosure, insertClosure, listClosures } from './queries'

export const closuresHandlers = {
  'closures.list': async (input, { db }) => (await listClosures(db, input)).map(toClosure),

  /**
   * Records a holiday or vacation. Existing bookings on it are left as they are (the front
   * desk moves them); new bookings and planned due dates avoid it.
   */
  'closures.create': async (input, ctx) => {
    // The scope decides which resource applies; a stray id from a form is dropped.
    const bayId = input.scope === 'bay' ? input.bayId! : null
    const technicianId = input.scope === 'technician' ? input.technicianId! : null
    if (bayId !== null) await findBay(ctx.db, bayId)
    if (technicianId !== null) await findTechnician(ctx.db, technicianId)
    const id = await insertClosure(ctx.db, {
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      scope: input.scope,
      bay_id: bayId,
      technician_id: technicianId,
      reason: input.reason,
      created_at: ctx.clock.now().toISOString(),
    })
    ctx.changed('closures')
    const created = (await listClosures(ctx.db)).find((c) => c.id === id)!
    return toClosure(created)
  },

  'closures.delete': async ({ id }, ctx) => {
    if (!(await deleteClosure(ctx.db, id))) throw notFound('Closure', id)
    ctx.changed('closures')
    return { id }
  },
} satisfies HandlerMap<'closures'>
