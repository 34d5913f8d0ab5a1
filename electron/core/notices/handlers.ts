import type { HandlerMap } from '../handler'
import { getNoticeSettings, updateNoticeSettings } from './settings'

export const noticesHandlers = {
  'notices.settings': (_input, { db }) => getNoticeSettings(db),
  'notices.updateSettings': async (input, ctx) => {
    await updateNoticeSettings(ctx.db, input, ctx.clock.now().toISOString())
    ctx.changed('settings')
    return getNoticeSettings(ctx.db)
  },
} satisfies HandlerMap<'notices'>
