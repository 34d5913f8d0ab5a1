import type { HandlerMap } from '../handler'
import { toBay } from './map'
import { checkBayName, findBay, insertBay, listBays, updateBay } from './queries'

export const baysHandlers = {
  'bays.list': async ({ includeInactive }, { db }) => (await listBays(db, includeInactive)).map(toBay),

  'bays.create': async ({ name }, ctx) => {
    await checkBayName(ctx.db, name)
    const row = await insertBay(ctx.db, name, ctx.clock.now().toISOString())
    ctx.changed('bays')
    return toBay(row)
  },

  /** Deactivating keeps past bookings readable; the bay simply stops being offered. */
  'bays.update': async ({ id, name, active, sortOrder }, ctx) => {
    await findBay(ctx.db, id)
    await checkBayName(ctx.db, name, id)
    const row = await updateBay(ctx.db, id, { name, active, sortOrder })
    ctx.changed('bays', 'activities')
    return toBay(row)
  },
} satisfies HandlerMap<'bays'>
