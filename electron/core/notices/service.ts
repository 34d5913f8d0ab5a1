import type { Service, ServiceContext } from '../services'
import type { StaffNotice } from '../../../shared/domain/email'
import { fireDueNotices } from './check'

export const NOTICES_SERVICE = 'staff-notices'

/** How often upcoming bookings are looked at: well inside the hour notice's window. */
const CHECK_MS = 30_000

export interface NoticesService extends Service {
  /** Fires what is due now; tests call it after moving the clock. */
  checkNow(): Promise<StaffNotice[]>
}

/**
 * Staff notifications: fired (recorded) in a short transaction, then emitted as `notice`
 * events, which main shows as desktop notifications and the bridge's page as toasts.
 */
export function staffNoticesService(): NoticesService {
  let context: ServiceContext | null = null
  let unsubscribe: (() => void) | null = null
  let running: Promise<StaffNotice[]> | null = null

  const checkNow = (): Promise<StaffNotice[]> => {
    const s = context
    if (!s || s.signal.aborted) return Promise.resolve([])
    // One check at a time: the unique key would hold anyway, this just saves the work.
    running ??= s
      .batch((ctx) => fireDueNotices(ctx.db, ctx.clock.now()))
      .then((fired) => {
        for (const n of fired) s.events.emit('notice', n)
        return fired
      })
      .finally(() => {
        running = null
      })
    return running ?? Promise.resolve([])
  }

  return {
    name: NOTICES_SERVICE,
    background: true,
    start(s) {
      context = s
      // A booking made 40 minutes ahead, or work just marked missed, should not wait for the timer.
      unsubscribe = s.events.on('changed', (e) => {
        if (e.domains.includes('activities')) void checkNow().catch((error: unknown) => s.log.error('The staff notices failed', error))
      })
      s.every(CHECK_MS, checkNow)
      void checkNow().catch((error: unknown) => s.log.error('The staff notices failed at start', error))
    },
    async stop() {
      unsubscribe?.()
      await running?.catch(() => [])
    },
    checkNow,
  }
}
