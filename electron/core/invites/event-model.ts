/**
 * The invite event, built from an activity's facts: a plain model the ics writer turns into
 * text. The customer-visible part (`VisibleEvent`) is also what decides whether SEQUENCE
 * rises, so both must come from this one place.
 */
import type { InviteFacts, ShopFacts } from './facts'
import { addDays } from '../../../shared/dates'
import { vehicleLabel } from '../../../shared/domain/vehicles'

export type EventTime =
  /** A booked activity: instants in UTC, written with a `Z`, never floating. */
  | { kind: 'timed'; start: string; end: string }
  /** An unbooked activity: its due date, with the exclusive end date RFC 5545 expects. */
  | { kind: 'all_day'; date: string; endDate: string }

/** What the customer sees of an activity. Any change to it is a new revision (a higher SEQUENCE). */
export interface VisibleEvent {
  time: EventTime
  summary: string
  description: string
  location: string | null
  /** The bay is part of the place, though it is written in the description. */
  bay: string | null
  cancelled: boolean
}

export interface Person {
  name: string
  email: string
}

export interface InviteEvent extends VisibleEvent {
  uid: string
  sequence: number
  /** DTSTAMP: when this file was written, epoch milliseconds. */
  stamp: number
  organizer: Person | null
  attendee: Person | null
  /** The reminder setting's days before the start for the VALARM; null when reminders are off or it is cancelled. */
  alarmDaysBefore: number | null
}

/**
 * The UID of an activity's event: the same for every update and the cancellation.
 *
 * @example
 * eventUid(12, '6f1c…') // 'activity-12.6f1c…@shop-scheduler'
 */
export const eventUid = (activityId: number, installId: string): string => `activity-${activityId}.${installId}@shop-scheduler`

/**
 * What the customer would see: the work and the vehicle, the time, the place. Nothing
 * private goes in (no VIN, notes, technician or phone numbers): invites get forwarded.
 *
 * @example
 * visibleEvent(facts, shop).summary // 'Minor inspection: Toyota Corolla (ABC123)'
 */
export function visibleEvent(f: InviteFacts, shop: ShopFacts): VisibleEvent {
  const time: EventTime =
    f.startAt && f.endAt
      ? { kind: 'timed', start: new Date(f.startAt).toISOString(), end: new Date(f.endAt).toISOString() }
      : { kind: 'all_day', date: f.dueDate, endDate: addDays(f.dueDate, 1) }
  const lines = [`${f.typeName} for your ${f.year} ${f.make} ${f.model}${f.plate ? `, plate ${f.plate}` : ''}.`]
  const bay = time.kind === 'timed' ? f.bayName : null
  if (bay) lines.push(`Bay: ${bay}`)
  if (time.kind === 'all_day') lines.push('Due on this day; no time is booked yet.')
  return {
    time,
    summary: `${f.typeName}: ${vehicleLabel({ make: f.make, model: f.model, plate: f.plate })}`,
    description: lines.join('\n'),
    location: shop.address ?? (shop.name || null),
    bay,
    cancelled: f.status === 'cancelled',
  }
}

/**
 * The whole event for one activity at one SEQUENCE.
 *
 * @example
 * const event = inviteEvent(facts, shop, 2, clock.now())
 */
export function inviteEvent(f: InviteFacts, shop: ShopFacts, sequence: number, now: Date): InviteEvent {
  const visible = visibleEvent(f, shop)
  return {
    ...visible,
    uid: eventUid(f.activityId, shop.installId),
    sequence,
    stamp: now.getTime(),
    organizer: shop.email ? { name: shop.name || shop.email, email: shop.email } : null,
    attendee: f.customerEmail ? { name: f.customerName, email: f.customerEmail } : null,
    alarmDaysBefore: visible.cancelled || !shop.remindersEnabled ? null : shop.reminderDaysBefore,
  }
}
