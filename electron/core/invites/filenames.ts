import type { InviteFacts } from './facts'
import { shopDay } from '../../../shared/shop-day'

/** Lower-case words joined by dashes, safe in a file name on every platform. */
export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'calendar'

const vehicleSlug = (f: Pick<InviteFacts, 'make' | 'model' | 'plate'>): string => slug([f.make, f.model, f.plate ?? ''].join(' '))

/**
 * @example
 * inviteFilename(facts, 'CANCEL') // 'cancellation-toyota-corolla-abc123-2025-03-10.ics'
 */
export function inviteFilename(f: InviteFacts, method: 'REQUEST' | 'CANCEL', timeZone: string): string {
  const day = f.startAt ? shopDay(f.startAt, timeZone) : f.dueDate
  return `${method === 'CANCEL' ? 'cancellation' : 'invite'}-${vehicleSlug(f)}-${day}.ics`
}

export const vehicleScheduleFilename = (v: Pick<InviteFacts, 'make' | 'model' | 'plate'>): string => `schedule-${vehicleSlug(v)}.ics`

export const rangeFilename = (shopName: string, from: string, to: string): string => `${slug(shopName || 'shop')}-schedule-${from}-to-${to}.ics`
