import { channel } from './define'
import {
  emailSchemas as s,
  type EmailSettings,
  type InviteEmailState,
  type OutboxSummary,
  type ReminderState,
  type StaffNoticeSettings,
  type TestEmailResult,
} from '../domain/email'

export const emailContract = {
  /** The mail server settings (never the password). */
  'email.settings': channel<EmailSettings>()(s.settings),
  /** Saves the mail server settings; the password goes to the secret store. */
  'email.updateSettings': channel<EmailSettings>()(s.updateSettings),
  /** Sends a test email now and answers what the server said. */
  'email.sendTest': channel<TestEmailResult>()(s.sendTest),
  /** Queues the activity's invite (or cancellation) email; later changes email updates by themselves. */
  'email.sendInvite': channel<InviteEmailState>()(s.sendInvite),
  /** The activity's invite emails: emailed when, on its way, refused. */
  'email.inviteState': channel<InviteEmailState>()(s.inviteState),
  /** The reminder emails of these activities' current bookings (none listed: never reminded). */
  'email.reminders': channel<ReminderState[]>()(s.reminders),
  /** What is queued, waiting, refused and lately sent. */
  'email.outbox': channel<OutboxSummary>()(s.outbox),
  /** Tries a waiting email again now. */
  'email.retry': channel<OutboxSummary>()(s.retry),
}

export const noticesContract = {
  /** Which staff notifications the desk gets. */
  'notices.settings': channel<StaffNoticeSettings>()(s.noticeSettings),
  'notices.updateSettings': channel<StaffNoticeSettings>()(s.updateNoticeSettings),
}
