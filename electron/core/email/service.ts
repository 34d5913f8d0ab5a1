import type { Service, ServiceContext } from '../services'
import { drainOnce, type DrainRound } from './drain'
import { queueDueReminders } from './reminders'

export const EMAIL_SERVICE = 'email-outbox'

/** How often waiting emails and due reminders are looked at without a nudge. */
const ROUND_MS = 15_000

export interface EmailService extends Service {
  /**
   * Runs one round now (queues due reminders, sends what is due) and resolves when it is
   * done; a round already running is waited for and followed by one more. Tests call it.
   */
  drainNow(): Promise<DrainRound>
}

/**
 * Sends the email outbox: at start, on every change that may need mail (an invite queued,
 * the settings saved) and every 15 s for retries and reminders. Network outside the lock,
 * each database step its own short transaction.
 */
export function emailOutboxService(): EmailService {
  let context: ServiceContext | null = null
  let running: Promise<DrainRound> | null = null
  let queuedAgain: Promise<DrainRound> | null = null
  let unsubscribe: (() => void) | null = null

  const round = async (s: ServiceContext): Promise<DrainRound> => {
    await s.batch(async (ctx) => {
      if ((await queueDueReminders(ctx.db, ctx.clock.now())) > 0) ctx.changed('invites')
    })
    return drainOnce({ batch: s.batch, clock: s.clock, log: s.log, secrets: s.ports.secrets, signal: s.signal })
  }

  const drainNow = (): Promise<DrainRound> => {
    const s = context
    if (!s || s.signal.aborted) return Promise.resolve({ sent: 0, waiting: 0, failed: 0 })
    if (!running) {
      running = round(s).finally(() => {
        running = null
      })
      return running
    }
    // Something changed while a round runs: one more round after it picks that up.
    queuedAgain ??= running.then(() => {
      queuedAgain = null
      return drainNow()
    })
    return queuedAgain
  }

  const nudge = () => {
    drainNow().catch((error: unknown) => {
      if (!context?.signal.aborted) context?.log.error('The email outbox failed', error)
    })
  }

  return {
    name: EMAIL_SERVICE,
    background: true,
    start(s) {
      context = s
      unsubscribe = s.events.on('changed', (e) => {
        if (e.domains.includes('invites') || e.domains.includes('settings') || e.domains.includes('activities')) nudge()
      })
      s.every(ROUND_MS, drainNow)
      nudge()
    },
    async stop() {
      unsubscribe?.()
      await Promise.allSettled([running, queuedAgain])
    },
    drainNow,
  }
}
