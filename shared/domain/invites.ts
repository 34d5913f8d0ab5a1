/** Customer invites: iCalendar files for one booking, one vehicle's schedule or a date range. */
import { z } from 'zod'
import { id, isoDate, safeText } from './common'

/** iTIP methods an invite file carries: a new or changed booking, or its cancellation. */
export type InviteMethod = 'REQUEST' | 'CANCEL'

/** A booked activity is a timed event; one with a due date only is an all-day event. */
export type InviteKind = 'timed' | 'all_day'

/** Which part of what the customer sees changed since the last invite. */
export type InviteChange = 'time' | 'place' | 'cancellation' | 'details'

/** A calendar file ready for `platform.saveFile`. */
export interface CalendarFile {
  filename: string
  /** The iCalendar text (RFC 5545), CRLF line endings. */
  content: string
  mimeType: string
}

/** One activity's invite; unless asked not to, the SEQUENCE it carries is recorded as sent. */
export interface InviteFile extends CalendarFile {
  activityId: number
  method: InviteMethod
  kind: InviteKind
  sequence: number
  uid: string
  /** When it was recorded as sent; null when the export was asked not to record it. */
  issuedAt: string | null
}

/** A schedule or range export: many events, no scheduling method (imported, not answered). */
export interface ScheduleFile extends CalendarFile {
  eventCount: number
  /** What the file lacks and why, e.g. a customer without an email gets no ATTENDEE. */
  warnings: string[]
}

export interface InviteIssue {
  sequence: number
  method: InviteMethod
  issuedAt: string
  actor: string
  /** Saved as a file (handed over by the desk), or emailed and accepted by the mail server. */
  via: 'file' | 'email'
}

/**
 * Where an activity's invite stands, from what the customer would see:
 * - `never_sent`: no invite was issued;
 * - `sent`: the last invite still shows what the activity is;
 * - `changed`: time, place or status changed since the last invite: send an update.
 */
export interface InviteStatus {
  activityId: number
  state: 'never_sent' | 'sent' | 'changed'
  lastIssue: InviteIssue | null
  /** Empty unless `state` is `changed`. */
  changes: InviteChange[]
  /** What sending now would issue; null when it would be refused (see `refusal`). */
  next: { method: InviteMethod; kind: InviteKind; sequence: number } | null
  /** Why no invite can be sent now (no customer email, completed work...), or null. */
  refusal: string | null
}

export const inviteSchemas = {
  /**
   * `as: 'timed'` insists on a booked time: an unbooked activity is then refused rather
   * than sent as an all-day reminder of its due date (what `auto` does).
   */
  export: z.object({
    activityId: id,
    as: z.enum(['auto', 'timed']).default('auto'),
    /**
     * Records the invite as sent (the default). A screen that still has to save the file
     * passes `false` and calls `invites.markSent` once the file is saved, so a cancelled
     * save dialog never shows as "invite sent".
     */
    record: z.boolean().default(true),
  }),
  /** Records that the invite of this SEQUENCE was handed to the customer. */
  markSent: z.object({ activityId: id, sequence: z.number().int().min(0) }),
  status: z.object({ activityId: id }),
  exportVehicle: z.object({ vehicleId: id }),
  exportRange: z
    .object({
      from: isoDate,
      to: isoDate,
      includeCancelled: z.boolean().default(false),
      /** Names the `progress` events of this export, so the screen that asked can follow them. */
      job: safeText().min(1).max(100).optional(),
    })
    .refine((r) => r.from <= r.to, { message: 'The range ends before it starts', path: ['to'] }),
}
