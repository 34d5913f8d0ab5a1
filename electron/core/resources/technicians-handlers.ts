import type { HandlerMap } from '../handler'
import { toTechnician } from './map'
import { findTechnician } from './queries'

export const techniciansHandlers = {
  'technicians.list': async ({ includeInactive }, { db }) => {
    let q = db.selectFrom('technicians').selectAll().orderBy('name')
    if (!includeInactive) q = q.where('active', '=', 1)
    return (await q.execute()).map(toTechnician)
  },

  'technicians.create': async ({ name, email }, ctx) => {
    const row = await ctx.db
      .insertInto('technicians')
      .values({ name, email, created_at: ctx.clock.now().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow()
    ctx.changed('technicians')
    return toTechnician(row)
  },

  'technicians.update': async ({ id, name, email, active }, ctx) => {
    await findTechnician(ctx.db, id)
    const row = await ctx.db
      .updateTable('technicians')
      .set({ name, email, active: active ? 1 : 0 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    ctx.changed('technicians', 'activities')
    return toTechnician(row)
  },
} satisfies HandlerMap<'technicians'>
