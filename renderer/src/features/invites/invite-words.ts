import type { InviteChange, InviteStatus } from '../../../../shared/domain/invites'

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

/** What the invite is now: the first one, an update, or the cancellation. */
const what = (status: InviteStatus): 'invite' | 'update' | 'cancellation' | 'again' =>
  status.next?.method === 'CANCEL' ? 'cancellation' : status.state === 'changed' ? 'update' : status.state === 'sent' ? 'again' : 'invite'

/** The email button: it only says "email" because it emails. */
export function emailLabel(status: InviteStatus): string {
  const w = what(status)
  if (w === 'cancellation') return 'Email the cancellation'
  if (w === 'update') return 'Email the update'
  if (w === 'again') return 'Email again'
  return status.next?.kind === 'all_day' ? 'Email invite (all-day, due date)' : 'Email invite'
}

/** The file button: saving a file sends nothing, and it says so. */
export function saveLabel(status: InviteStatus): string {
  const w = what(status)
  if (w === 'cancellation') return 'Save the cancellation'
  if (w === 'update') return 'Save the update'
  if (w === 'again') return 'Save again'
  return status.next?.kind === 'all_day' ? 'Save invite (all-day, due date)' : 'Save invite'
}

/** The last hand-over in words: emailed (accepted by the server) or only saved as a file. */
export function handedOver(status: InviteStatus): { label: string; via: 'email' | 'file' } | null {
  const issue = status.lastIssue
  if (!issue) return null
  const cancel = issue.method === 'CANCEL'
  if (issue.via === 'email') return { label: cancel ? 'Cancellation emailed' : 'Emailed', via: 'email' }
  return { label: cancel ? 'Cancellation saved as a file' : 'Saved as a file', via: 'file' }
}
