import type { HandlerMap } from '../handler'
import { getNoticeSettings } from './settings'

export const noticesHandlers = {
  'notices.settings': (_input, { db }) => getNoticeSettings(db),
  'notices.updateSettings': async (input, ctx) => {
    await ctx.db
      .updateTable('staff_notice_settings')
      .set({
        day_before: input.dayBefore ? 1 : 0,
        hour_before: input.hourBefore ? 1 : 0,
        missed: input.missed ? 1 : 0,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', 1)
      .execute()
    ctx.changed('settings')
    return getNoticeSettings(ctx.db)
  },
} satisfies HandlerMap<'notices'>
