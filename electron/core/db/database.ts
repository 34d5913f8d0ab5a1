/**
 * The database as Kysely sees it: one interface per table, rows in snake_case.
 * Row types stay inside the core; handlers map them to the domain types in `shared/`.
 *
 * Dates are `YYYY-MM-DD` text in the shop's time zone; instants are ISO-8601 UTC text;
 * booleans are 0/1 integers (SQLite has no boolean type).
 */
import type { Generated, Selectable, Updateable } from 'kysely'

type Bool = 0 | 1

export interface CustomersTable {
  id: Generated<number>
  name: string
  email: string | null
  phone: string | null
  notes: string | null
  active: Generated<Bool>
  created_at: string
  updated_at: string
  /** `foldForSearch(name)`: what search compares (accents and case folded), kept on every write. */
  name_folded: string | null
}

export interface VehiclesTable {
  id: Generated<number>
  customer_id: number
  vin: string
  make: string
  model: string
  year: number
  license_plate: string | null
  /** The plate without spaces, dashes and dots, upper case: what search compares. */
  plate_normalized: string | null
  onboarding_date: string
  status: Generated<'active' | 'inactive'>
  notes: string | null
  created_at: string
  updated_at: string
  /** `foldForSearch(make + ' ' + model)`, kept on every write. */
  make_model_folded: string | null
}

export interface OdometerReadingsTable {
  id: Generated<number>
  vehicle_id: number
  reading_date: string
  miles: number
  /** 1 when the reading is lower than an earlier one on purpose (a replaced cluster, a typo fixed). */
  is_correction: Generated<Bool>
  source: Generated<'manual' | 'onboarding' | 'completion'>
  activity_id: number | null
  created_at: string
}

export interface SettingsTable {
  id: Generated<1>
  shop_name: string
  shop_email: string | null
  shop_phone: string | null
  shop_address: string | null
  time_zone: string
  inspection_interval_months: Generated<number>
  horizon_months: Generated<number>
  auto_schedule: Generated<Bool>
  reminders_enabled: Generated<Bool>
  reminder_days_before: Generated<number>
  missed_grace_days: Generated<number>
  due_soon_days: Generated<number>
  due_soon_miles: Generated<number>
  updated_at: string
}

export interface ShopHoursTable {
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
  weekday: number
  /** `HH:MM` local time; both null when the shop is closed that day. */
  opens: string | null
  closes: string | null
}

export interface ActivityTypesTable {
  id: Generated<number>
  name: string
  category: 'inspection' | 'maintenance' | 'repair' | 'other'
  duration_minutes: number
  active: Generated<Bool>
  /** Marks the two built-in inspections, which cannot be deleted. */
  builtin: 'initial' | 'minor' | null
  created_at: string
  updated_at: string
}

export interface MaintenanceTemplatesTable {
  id: Generated<number>
  activity_type_id: number
  interval_months: number | null
  interval_days: number | null
  interval_miles: number | null
  anchor: Generated<'onboarding' | 'last_completed'>
  active: Generated<Bool>
  created_at: string
  updated_at: string
}

export type ActivityStatus = 'scheduled' | 'in_progress' | 'completed' | 'cancelled' | 'missed'
export type ActivityOrigin = 'initial' | 'inspection' | 'template' | 'manual'

export interface ActivitiesTable {
  id: Generated<number>
  vehicle_id: number
  activity_type_id: number
  origin: ActivityOrigin
  template_id: number | null
  occurrence_index: number | null
  /**
   * Identifies a planned occurrence: `initial`, `inspection:<k>`, `template:<id>:<k>`;
   * null for manual work. Unique per vehicle, so re-planning never duplicates.
   */
  occurrence_key: string | null
  due_date: string
  start_at: string | null
  end_at: string | null
  bay_id: number | null
  technician_id: number | null
  status: Generated<ActivityStatus>
  /** Set once a person moved, booked or edited it: the scheduler leaves it alone. */
  pinned: Generated<Bool>
  started_at: string | null
  completed_at: string | null
  completed_by: string | null
  completion_odometer: number | null
  completion_notes: string | null
  cancel_reason: string | null
  notes: string | null
  contacted_at: string | null
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface BaysTable {
  id: Generated<number>
  name: string
  active: Generated<Bool>
  sort_order: Generated<number>
  created_at: string
}

export interface TechniciansTable {
  id: Generated<number>
  name: string
  email: string | null
  active: Generated<Bool>
  created_at: string
}

export interface ClosuresTable {
  id: Generated<number>
  /** Inclusive range of whole days in the shop's time zone. */
  starts_on: string
  ends_on: string
  scope: 'shop' | 'bay' | 'technician'
  bay_id: number | null
  technician_id: number | null
  reason: string | null
  created_at: string
}

export interface ActivityLogTable {
  id: Generated<number>
  /** No foreign key: the trace outlives an occurrence the scheduler removes. */
  activity_id: number
  vehicle_id: number | null
  at: string
  actor: string
  action: string
  /** JSON: `{ field: [before, after] }`. */
  changes: string | null
  message: string | null
}

export interface InviteCalendarTable {
  id: 1
  /** Random per database; makes UIDs globally unique. Never changes. */
  install_id: string
  created_at: string
}

export interface InviteSequencesTable {
  activity_id: number
  /** The iCalendar SEQUENCE of the activity's current customer-visible revision. */
  sequence: number
  /** JSON of the customer-visible fields at that revision (see `invites/fingerprint.ts`). */
  fingerprint: string
  changed_at: string
}

export interface InviteIssuesTable {
  id: Generated<number>
  activity_id: number
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  fingerprint: string
  issued_at: string
  actor: string
  /** How it reached the customer: a saved file, or an email the server accepted. */
  via: Generated<'file' | 'email'>
}

export type SmtpSecurity = 'starttls' | 'tls' | 'none'

export interface EmailSettingsTable {
  id: Generated<1>
  host: string | null
  port: Generated<number>
  security: Generated<SmtpSecurity>
  username: string | null
  /** 1 when the SecretStore holds the SMTP password; the password itself is never stored here. */
  password_set: Generated<Bool>
  from_address: string | null
  from_name: string | null
  updated_at: string
}

export type EmailOutboxStatus = 'queued' | 'sent' | 'failed' | 'superseded' | 'skipped'

export interface EmailOutboxTable {
  id: Generated<number>
  kind: 'invite' | 'reminder'
  activity_id: number
  /** Reminders: the booking state (its start instant) it reminds of. */
  state_key: string | null
  status: EmailOutboxStatus
  to_address: string | null
  /** Chosen before the first attempt; every retry sends the same. */
  message_id: string | null
  subject: string | null
  text_body: string | null
  html_body: string | null
  ics: string | null
  ics_filename: string | null
  method: 'REQUEST' | 'CANCEL' | null
  sequence: number | null
  fingerprint: string | null
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  actor: string
  created_at: string
  /** When the content and Message-ID were fixed; null until the first attempt. */
  prepared_at: string | null
  sent_at: string | null
}

/** `calendar_*`: a booking moved or unbooked from a connected calendar (Google, Outlook). */
export type StaffNoticeKind = 'day_before' | 'hour_before' | 'missed' | 'calendar_moved' | 'calendar_unbooked'

export interface StaffNoticesTable {
  id: Generated<number>
  activity_id: number
  kind: StaffNoticeKind
  /** The activity's state the notice was about (its start, or its missed status). */
  state_key: string
  title: string
  body: string
  fired_at: string
}

export interface StaffNoticeSettingsTable {
  id: Generated<1>
  day_before: Generated<Bool>
  hour_before: Generated<Bool>
  missed: Generated<Bool>
  updated_at: string
}

/** One row: the install id that tags our calendar events, and the OAuth client id entered in Settings. */
export interface SyncSettingsTable {
  id: Generated<1>
  install_id: string
  google_client_id: string | null
  /** The Microsoft (Entra) public client id entered in Settings (2026-12-02-020). */
  ms_client_id: Generated<string | null>
  /** 1: unbooked work with a due date shows as an all-day event on the shop calendar (opt-in). */
  due_dates_all_day: Generated<0 | 1>
  updated_at: string
}

export type SyncAccountStatus = 'connecting' | 'connected' | 'needs_reconnect' | 'disconnected'

/** A connected calendar account. Its tokens live in the SecretStore, never here. */
export interface SyncAccountsTable {
  id: Generated<number>
  provider: 'google' | 'outlook'
  email: string | null
  status: SyncAccountStatus
  /** JSON `{ count, total, remoteIds }` while a mass delete waits for the user. */
  paused_deletes: string | null
  last_sync_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
}

/** A calendar chosen to show bookings: the shop's (every booking) or one technician's (theirs). */
export interface SyncCalendarsTable {
  id: Generated<number>
  account_id: number
  remote_id: string
  summary: string
  time_zone: string | null
  role: 'shop' | 'technician'
  technician_id: number | null
  active: Generated<Bool>
  /** Saved only after the last page of a round was applied. */
  sync_token: string | null
  created_at: string
}

export interface SyncLinksTable {
  id: Generated<number>
  activity_id: number
  calendar_id: number
  /** Chosen before the network (base32hex), so a retried insert finds its earlier attempt. */
  remote_id: string
  generation: number
  state: 'creating' | 'live' | 'deleted'
  etag: string | null
  content_hash: string | null
  remote_start: string | null
  remote_end: string | null
  remote_updated: string | null
  updated_at: string
}

/** Written by triggers in the same transaction as the change: see the sync migration. */
export interface SyncOutboxTable {
  activity_id: number
  version: Generated<number>
  queued_at: string
  attempts: Generated<number>
  next_attempt_at: string | null
  last_error: string | null
  dead_at: string | null
}

export interface SyncLogTable {
  id: Generated<number>
  at: string
  account_id: number | null
  activity_id: number | null
  kind: string
  message: string
}

export interface SyncConflictsTable {
  id: Generated<number>
  activity_id: number
  calendar_id: number
  remote_start: string
  remote_end: string
  reason: string
  created_at: string
  resolved_at: string | null
  resolution: 'keep_ours' | 'take_theirs' | null
}

/** What came back from a calendar (moved, deleted, a clash) until someone marks it seen. */
export interface SyncInboxTable {
  id: Generated<number>
  at: string
  account_id: number
  calendar_id: number
  activity_id: number
  kind: 'moved' | 'deleted' | 'clash'
  before_start: string | null
  before_end: string | null
  after_start: string | null
  after_end: string | null
  conflict_id: number | null
  seen_at: string | null
}

/** A foreign event on a technician's calendar: busy time, without its title. */
export interface SyncBusyBlocksTable {
  id: Generated<number>
  calendar_id: number
  remote_id: string
  technician_id: number
  start_at: string
  end_at: string
}

/** One row: how auto-booking spaces and groups work (issue 15). */
export interface AutobookSettingsTable {
  id: Generated<1>
  buffer_minutes: Generated<number>
  group_days: Generated<number>
  updated_at: string
}

/** The categories of work a technician does; a technician with no rows does every category. */
export interface TechnicianCategoriesTable {
  technician_id: number
  category: 'inspection' | 'maintenance' | 'repair' | 'other'
}

/** An accepted auto-booking proposal: what it booked, so that one undo removes exactly that. */
export interface AutobookRunsTable {
  id: Generated<number>
  token: string
  at: string
  actor: string
  items: string
  undone_at: string | null
}

export interface Database {
  customers: CustomersTable
  vehicles: VehiclesTable
  odometer_readings: OdometerReadingsTable
  settings: SettingsTable
  shop_hours: ShopHoursTable
  activity_types: ActivityTypesTable
  maintenance_templates: MaintenanceTemplatesTable
  activities: ActivitiesTable
  bays: BaysTable
  technicians: TechniciansTable
  closures: ClosuresTable
  activity_log: ActivityLogTable
  invite_calendar: InviteCalendarTable
  invite_sequences: InviteSequencesTable
  invite_issues: InviteIssuesTable
  email_settings: EmailSettingsTable
  email_outbox: EmailOutboxTable
  staff_notices: StaffNoticesTable
  staff_notice_settings: StaffNoticeSettingsTable
  sync_settings: SyncSettingsTable
  sync_accounts: SyncAccountsTable
  sync_calendars: SyncCalendarsTable
  sync_links: SyncLinksTable
  sync_outbox: SyncOutboxTable
  sync_log: SyncLogTable
  sync_conflicts: SyncConflictsTable
  sync_busy_blocks: SyncBusyBlocksTable
  sync_inbox: SyncInboxTable
  autobook_settings: AutobookSettingsTable
  technician_categories: TechnicianCategoriesTable
  autobook_runs: AutobookRunsTable
}

export type CustomerRow = Selectable<CustomersTable>
export type VehicleRow = Selectable<VehiclesTable>
export type SettingsRow = Selectable<SettingsTable>
export type ActivityRow = Selectable<ActivitiesTable>
export type ActivityUpdate = Updateable<ActivitiesTable>
export type EmailOutboxRow = Selectable<EmailOutboxTable>
export type EmailSettingsRow = Selectable<EmailSettingsTable>
export type SyncCalendarRow = Selectable<SyncCalendarsTable>
export type SyncLinkRow = Selectable<SyncLinksTable>
