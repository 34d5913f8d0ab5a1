import type { EmailState, OutboxItem } from '../../../../shared/domain/email'

/** "Dec 1, 2026, 2:05 PM" in the shop's time zone (never the computer's). */
export const formatShopTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))

export const STATE_WORDS: Record<EmailState, string> = {
  queued: 'Queued',
  waiting: 'Waiting to retry',
  sent: 'Sent',
  failed: 'Refused',
}

/** One line on where an email stands, for the outbox list and the panel. */
export function pendingLine(item: OutboxItem, timeZone: string): string {
  if (item.state === 'queued') return 'Queued: it goes out as soon as the mail server takes it.'
  const next = item.nextAttemptAt ? ` Next try ${formatShopTime(item.nextAttemptAt, timeZone)}.` : ''
  return `Waiting: ${item.lastError ?? 'the mail server did not take it yet.'}${next}`
}
