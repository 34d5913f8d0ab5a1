import { channel } from './define'
import {
  syncSchemas as s,
  type BusyBlock,
  type ActivitySyncState,
  type ConnectStarted,
  type DeadLetter,
  type RemoteCalendar,
  type SyncAccount,
  type SyncCalendar,
  type SyncConfig,
  type SyncConflict,
  type SyncInbox,
  type SyncLogEntry,
  type SyncRoundSummary,
} from '../domain/sync'

export const syncContract = {
  /** The OAuth client in use (Settings, else SHOP_GOOGLE_CLIENT_ID/SECRET) and the polling interval. */
  'sync.getConfig': channel<SyncConfig>()(s.getConfig),
  /** Stores the shop's own "Desktop app" client id (and secret, kept in the secret store). */
  'sync.setConfig': channel<SyncConfig>()(s.setConfig),
  /** Turns the all-day events for unbooked due work on or off; the shop calendars follow on the next round. */
  'sync.setDueDatesAllDay': channel<SyncConfig>()(s.setDueDatesAllDay),
  /** Opens the consent page and answers its URL; the account connects in the background when the browser comes back. */
  'sync.connect': channel<ConnectStarted>()(s.connect),
  /** Stops waiting for the browser: the listener closes; an account that never connected is removed, a reconnect keeps its state. */
  'sync.cancelConnect': channel<SyncAccount[]>()(s.cancelConnect),
  'sync.accounts': channel<SyncAccount[]>()(s.accounts),
  'sync.status': channel<SyncAccount>()(s.status),
  /** Revokes the grant and removes the tokens; event links are kept so a reconnect does not duplicate events. */
  'sync.disconnect': channel<SyncAccount>()(s.disconnect),
  /** The account's calendars, read from the provider. */
  'sync.remoteCalendars': channel<RemoteCalendar[]>()(s.remoteCalendars),
  /** Shows bookings on a calendar: the shop's (all) or a technician's (theirs, and their other events become busy time). */
  'sync.chooseCalendar': channel<SyncCalendar>()(s.chooseCalendar),
  'sync.calendars': channel<SyncCalendar[]>()(s.calendars),
  'sync.removeCalendar': channel<SyncCalendar[]>()(s.removeCalendar),
  /** Runs one round (pull, then push) now and answers what it did. */
  'sync.now': channel<SyncRoundSummary>()(s.now),
  'sync.conflicts': channel<SyncConflict[]>()(s.conflicts),
  /** Keep ours: the calendar gets our time back. Take theirs: the booking moves to the calendar's time, if it fits. */
  'sync.resolveConflict': channel<SyncConflict[]>()(s.resolveConflict),
  'sync.deadLetters': channel<DeadLetter[]>()(s.deadLetters),
  'sync.retryDeadLetter': channel<DeadLetter[]>()(s.retryDeadLetter),
  /** After a round paused on a mass delete: apply the deletes (unbook), or keep the bookings and put them back on the calendar. */
  'sync.confirmDeletes': channel<SyncAccount>()(s.confirmDeletes),
  /** What came back from the calendars (moved, deleted, clashed), newest first, with the booking's time before and after. */
  'sync.inbox': channel<SyncInbox>()(s.inbox),
  /** Marks inbox items seen; logged. Answers the inbox as it is then. */
  'sync.inboxSeen': channel<SyncInbox>()(s.inboxSeen),
  'sync.log': channel<SyncLogEntry[]>()(s.log),
  /** Technicians' busy time from their own calendars, drawn on their lanes in the week and day views. */
  'sync.busyTime': channel<BusyBlock[]>()(s.busyTime),
  /** Where an activity shows on the connected calendars (from the sync map) and what of it still waits. */
  'sync.forActivity': channel<ActivitySyncState>()(s.forActivity),
}
