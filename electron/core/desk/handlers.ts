import type { HandlerMap } from '../handler'

/** The desk's worker: read and set through the desk port, outside the shop's database. */
export const deskHandlers = {
  'desk.get': (_input, ctx) => ctx.desk.state(),

  'desk.setWorker': async ({ name }, ctx) => {
    const state = await ctx.desk.setWorker(name)
    ctx.changed('desk')
    return state
  },
} satisfies HandlerMap<'desk'>
