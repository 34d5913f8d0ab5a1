import { todayIn } from '../../../shared/dates'
import type { HandlerMap } from '../handler'
import { loadReference } from '../scheduling/reference'
import { exportCsv } from './csv-export'

export const exportHandlers = {
  'export.csv': ({ kind, includeInactive }, ctx) => {
    const now = ctx.clock.now()
    const today = todayIn(now, loadReference(ctx.sqlite, now).timeZone)
    return exportCsv(ctx.sqlite, kind, { includeInactive, today })
  },
} satisfies HandlerMap<'export'>
