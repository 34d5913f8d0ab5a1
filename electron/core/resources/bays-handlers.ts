import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { HandlerMap } from '../handler'
import { fieldError } from '../errors'
import { toBay } from './map'
import { findBay } from './queries'

async function checkBayName(db: Kysely<Database>, name: string, selfId?: number): Promise<void> {
  const holder = await db
    .selectFrom('bays')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== selfId) throw fieldError('name', `There is already a bay named "${name}"`, 'duplicate')
}

export const baysHandlers = {
  'bays.list': async ({ includeInactive }, { db }) => {
    let q = db.selectFrom('bays').selectAll().orderBy('sort_order').orderBy('name')
    if (!includeInactive) q = q.where('active', '=', 1)
    return (await q.execute()).map(toBay)
  },

  'bays.create': async ({ name }, ctx) => {
    await checkBayName(ctx.db, name)
    const last = await ctx.db
      .selectFrom('bays')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .executeTakeFirst()
    const row = await ctx.db
      .insertInto('bays')
      .values({ name, sort_order: Number(last?.max ?? 0) + 1, created_at: ctx.clock.now().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow()
    ctx.changed('bays')
    return toBay(row)
  },

  /** Deactivating keeps past bookings readable; the bay simply stops being offered. */
  'bays.update': async ({ id, name, active, sortOrder }, ctx) => {
    await findBay(ctx.db, id)
    await checkBayName(ctx.db, name, id)
    const row = await ctx.db
      .updateTable('bays')
      .set({ name, active: active ? 1 : 0, ...(sortOrder !== undefined ? { sort_order: sortOrder } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    ctx.changed('bays', 'activities')
    return toBay(row)
  },
} satisfies HandlerMap<'bays'>
