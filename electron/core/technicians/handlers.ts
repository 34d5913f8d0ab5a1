import type { HandlerMap } from '../handler'
import { toTechnician } from './map'
import { findTechnician, insertTechnician, listTechnicians, updateTechnician } from './queries'

export const techniciansHandlers = {
  'technicians.list': async ({ includeInactive }, { db }) => (await listTechnicians(db, includeInactive)).map(toTechnician),

  'technicians.create': async ({ name, email }, ctx) => {
    const row = await insertTechnician(ctx.db, { name, email }, ctx.clock.now().toISOString())
    ctx.changed('technicians')
    return toTechnician(row)
  },

  'technicians.update': async ({ id, name, email, active }, ctx) => {
    await findTechnician(ctx.db, id)
    const row = await updateTechnician(ctx.db, id, { name, email, active })
    ctx.changed('technicians', 'activities')
    return toTechnician(row)
  },
} satisfies HandlerMap<'technicians'>
