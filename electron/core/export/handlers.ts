import type { HandlerMap } from '../handler'
import { loadReference } from '../schedule/reference'
import { exportCsv } from './csv-export'
import { shopDay } from '../../../shared/shop-day'

export const exportHandlers = {
  'export.csv': async ({ kind, includeInactive }, ctx) => {
    const now = ctx.clock.now()
    const today = shopDay(now, (await loadReference(ctx, now)).timeZone)
    return exportCsv(ctx, kind, { includeInactive, today })
  },
} satisfies HandlerMap<'export'>
