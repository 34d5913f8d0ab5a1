import type { InviteChange, InviteStatus } from '../../../../shared/domain/invites'
import { shopTimeZone } from '../../lib/shop-clock'

const CHANGE_WORDS: Record<InviteChange, string> = {
  time: 'time',
  place: 'place',
  cancellation: 'cancellation',
  details: 'details',
}

/** "time and place": what changed since the invite, for the panel's sentence. */
export function changeList(changes: readonly InviteChange[]): string {
  const words = changes.map((c) => CHANGE_WORDS[c])
  if (words.length <= 1) return words[0] ?? 'details'
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** The button's label for what sending now would issue. */
export function sendLabel(status: InviteStatus): string {
  if (status.next?.method === 'CANCEL') return status.state === 'never_sent' ? 'Send cancellation' : 'Send the cancellation'
  if (status.state === 'changed') return 'Send an update'
  if (status.state === 'sent') return 'Send again'
  return status.next?.kind === 'all_day' ? 'Send invite (all-day, due date)' : 'Send invite'
}

/** "21 Nov 2026, 14:05": when an invite went out, in the viewer's locale and the shop's time. */
export const formatIssued = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: shopTimeZone() ?? undefined }).format(new Date(iso))
