import type { SyncAccount, SyncAccountStatus, SyncProvider } from '../../../../shared/domain/sync'
import { coreNow } from '../../shared/time/shop-clock'

export const PROVIDER_NAMES: Record<SyncProvider, string> = { google: 'Google', outlook: 'Outlook' }
/** The provider's name; one the screens do not know yet reads as its id. */
export const providerName = (p: SyncProvider): string => (PROVIDER_NAMES as Record<string, string>)[p] ?? p

export const STATUS_LABELS: Record<SyncAccountStatus, { label: string; color: string }> = {
  connecting: { label: 'Connecting', color: 'blue' },
  connected: { label: 'Connected', color: 'green' },
  needs_reconnect: { label: 'Needs reconnecting', color: 'red' },
  disconnected: { label: 'Disconnected', color: 'gray' },
}

export const accountName = (a: Pick<SyncAccount, 'email' | 'provider'>): string => a.email ?? `${providerName(a.provider)} account`

/** An instant in the shop's zone: "Mar 10, 11:02 AM" (the year when it is not this one). */
export function formatInstant(iso: string, timeZone: string | null): string {
  const d = new Date(iso)
  // This year by the shop's clock (the core's), never the computer's.
  const sameYear = d.getUTCFullYear() === coreNow().getUTCFullYear()
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(d)
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Log kinds that mean something went wrong or waits for a person. */
export const PROBLEM_KINDS = new Set(['dead_letter', 'conflict', 'needs_reconnect', 'connect_failed', 'paused'])
