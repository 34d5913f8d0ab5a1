/** Email through the shop's own SMTP server: settings, the outbox, an invite's email state; staff notices. */
import { z } from 'zod'
import { emailAddress, id, optionalEmail, optionalText } from './common'

export type SmtpSecurity = 'starttls' | 'tls' | 'none'

/** The mail server settings as the screen shows them. The password never leaves the core. */
export interface EmailSettings {
  host: string | null
  port: number
  security: SmtpSecurity
  username: string | null
  /** Whether a password is kept (in the operating system's secret store). */
  passwordSet: boolean
  fromAddress: string | null
  fromName: string | null
  /** Host and from-address are set: invites and reminders can be emailed. */
  configured: boolean
}

/** What a test email did: accepted by the server, or refused with the server's words. */
export interface TestEmailResult {
  accepted: boolean
  message: string
}

/**
 * Where one email stands:
 * - `queued`: not tried yet;
 * - `waiting`: tried, the server was unreachable or said "later"; tried again at `nextAttemptAt`;
 * - `sent`: the server accepted it;
 * - `failed`: the server refused it for good (e.g. no such address); not retried.
 */
export type EmailState = 'queued' | 'waiting' | 'sent' | 'failed'

export interface OutboxItem {
  id: number
  kind: 'invite' | 'reminder'
  activityId: number
  state: EmailState
  to: string | null
  subject: string | null
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

export interface OutboxSummary {
  queued: number
  waiting: number
  failed: number
  /** Newest first: what is still to send, what failed, what went out lately. */
  recent: OutboxItem[]
}

/** One activity's invite emails, for the panel. */
export interface InviteEmailState {
  activityId: number
  /** Email is set up and the customer has an address. */
  canEmail: boolean
  /** Why not, in words; null when it can. */
  cannotEmail: string | null
  /** The last invite email the server accepted. */
  lastEmailed: { at: string; method: 'REQUEST' | 'CANCEL'; sequence: number; to: string } | null
  /** An invite email on its way (queued or waiting), if any. */
  pending: OutboxItem | null
  /** The last invite email refused for good, when nothing newer went out since. */
  failed: OutboxItem | null
  /** The last time the invite was only saved as a file, if after the last email. */
  lastSavedAsFile: string | null
}

/** Whether a customer was reminded by email of a booking, for the to-contact list. */
export interface ReminderState {
  activityId: number
  state: EmailState
  /** When the server accepted it (sent), else null. */
  at: string | null
  lastError: string | null
}

/** Staff notification settings: which reminders the desk gets. */
export interface StaffNoticeSettings {
  dayBefore: boolean
  hourBefore: boolean
  missed: boolean
}

/** A staff notification: shown by the desktop (Electron) or as an in-app toast (bridge). */
export interface StaffNotice {
  id: number
  activityId: number
  kind: 'day_before' | 'hour_before' | 'missed' | 'calendar_moved' | 'calendar_unbooked'
  title: string
  body: string
  firedAt: string
}

export const emailSchemas = {
  settings: z.object({}),
  updateSettings: z.object({
    host: optionalText(255),
    port: z.number().int().min(1, 'A port is 1 to 65535').max(65535, 'A port is 1 to 65535'),
    security: z.enum(['starttls', 'tls', 'none']),
    username: optionalText(255),
    /** A new password; omitted keeps the kept one, null removes it. */
    password: z.string().max(1000).nullish(),
    fromAddress: z.string().trim().max(255).nullish().pipe(optionalEmail),
    fromName: optionalText(255),
  }),
  sendTest: z.object({ to: emailAddress }),
  sendInvite: z.object({ activityId: id }),
  inviteState: z.object({ activityId: id }),
  reminders: z.object({ activityIds: z.array(id).max(500) }),
  outbox: z.object({}),
  /** Tries a waiting email now instead of at its next attempt. */
  retry: z.object({ id }),
  noticeSettings: z.object({}),
  updateNoticeSettings: z.object({ dayBefore: z.boolean(), hourBefore: z.boolean(), missed: z.boolean() }),
}
