import type { Database } from '../../../electron/core/db/database'

/** Every key of a table's row type, each required: a missing or extra column fails the typecheck. */
type Columns<Table> = { [Column in keyof Table]-?: true }

/** Every table of `Database`, each with exactly its columns. */
export type DatabaseColumns = { [Table in keyof Database]: Columns<Database[Table]> }

/**
 * The `Database` interface spelled out at runtime, so a test can hold it against the
 * migrated schema. `satisfies` on this literal refuses a table or column `Database` lacks
 * and demands every one it has; the schema test then compares it with `PRAGMA table_info`.
 */
export const databaseColumns = {
  customers: {
    id: true, name: true, email: true, phone: true, notes: true, active: true, created_at: true, updated_at: true,
    name_folded: true,
  },
  vehicles: {
    id: true, customer_id: true, vin: true, make: true, model: true, year: true, license_plate: true,
    plate_normalized: true, onboarding_date: true, status: true, notes: true, created_at: true, updated_at: true,
    make_model_folded: true,
  },
  odometer_readings: {
    id: true, vehicle_id: true, reading_date: true, miles: true, is_correction: true, source: true, activity_id: true,
    created_at: true,
  },
  settings: {
    id: true, shop_name: true, shop_email: true, shop_phone: true, shop_address: true, time_zone: true,
    inspection_interval_months: true, horizon_months: true, auto_schedule: true, reminders_enabled: true,
    reminder_days_before: true, missed_grace_days: true, updated_at: true, due_soon_days: true, due_soon_miles: true,
  },
  shop_hours: { weekday: true, opens: true, closes: true },
  activity_types: {
    id: true, name: true, category: true, duration_minutes: true, active: true, builtin: true, created_at: true,
    updated_at: true,
  },
  maintenance_templates: {
    id: true, activity_type_id: true, interval_months: true, interval_days: true, interval_miles: true, anchor: true,
    active: true, created_at: true, updated_at: true,
  },
  activities: {
    id: true, vehicle_id: true, activity_type_id: true, origin: true, template_id: true, occurrence_index: true,
    occurrence_key: true, due_date: true, start_at: true, end_at: true, bay_id: true, technician_id: true, status: true,
    pinned: true, started_at: true, completed_at: true, completed_by: true, completion_odometer: true,
    completion_notes: true, cancel_reason: true, notes: true, contacted_at: true, version: true, created_at: true,
    updated_at: true,
  },
  bays: { id: true, name: true, active: true, sort_order: true, created_at: true },
  technicians: { id: true, name: true, email: true, active: true, created_at: true },
  closures: {
    id: true, starts_on: true, ends_on: true, scope: true, bay_id: true, technician_id: true, reason: true,
    created_at: true,
  },
  activity_log: {
    id: true, activity_id: true, vehicle_id: true, at: true, actor: true, action: true, changes: true, message: true,
  },
  invite_calendar: { id: true, install_id: true, created_at: true },
  invite_sequences: { activity_id: true, sequence: true, fingerprint: true, changed_at: true },
  invite_issues: {
    id: true, activity_id: true, sequence: true, method: true, fingerprint: true, issued_at: true, actor: true,
    via: true,
  },
  email_settings: {
    id: true, host: true, port: true, security: true, username: true, password_set: true, from_address: true,
    from_name: true, updated_at: true,
  },
  email_outbox: {
    id: true, kind: true, activity_id: true, state_key: true, status: true, to_address: true, message_id: true,
    subject: true, text_body: true, html_body: true, ics: true, ics_filename: true, method: true, sequence: true,
    fingerprint: true, attempts: true, next_attempt_at: true, last_error: true, actor: true, created_at: true,
    prepared_at: true, sent_at: true,
  },
  staff_notices: { id: true, activity_id: true, kind: true, state_key: true, title: true, body: true, fired_at: true },
  staff_notice_settings: { id: true, day_before: true, hour_before: true, missed: true, updated_at: true },
  sync_settings: {
    id: true, install_id: true, google_client_id: true, updated_at: true, due_dates_all_day: true, ms_client_id: true,
  },
  sync_accounts: {
    id: true, email: true, status: true, paused_deletes: true, last_sync_at: true, last_error: true, created_at: true,
    updated_at: true, provider: true,
  },
  sync_calendars: {
    id: true, account_id: true, remote_id: true, summary: true, time_zone: true, role: true, technician_id: true,
    active: true, sync_token: true, created_at: true,
  },
  sync_links: {
    id: true, activity_id: true, calendar_id: true, remote_id: true, generation: true, state: true, etag: true,
    content_hash: true, remote_start: true, remote_end: true, remote_updated: true, updated_at: true,
  },
  sync_outbox: {
    activity_id: true, version: true, queued_at: true, attempts: true, next_attempt_at: true, last_error: true,
    dead_at: true,
  },
  sync_log: { id: true, at: true, account_id: true, activity_id: true, kind: true, message: true },
  sync_conflicts: {
    id: true, activity_id: true, calendar_id: true, remote_start: true, remote_end: true, reason: true,
    created_at: true, resolved_at: true, resolution: true,
  },
  sync_inbox: {
    id: true, at: true, account_id: true, calendar_id: true, activity_id: true, kind: true, before_start: true, before_end: true,
    after_start: true, after_end: true, conflict_id: true, seen_at: true,
  },
  sync_busy_blocks: { id: true, calendar_id: true, remote_id: true, technician_id: true, start_at: true, end_at: true },
  autobook_settings: { id: true, buffer_minutes: true, group_days: true, updated_at: true },
  technician_categories: { technician_id: true, category: true },
  autobook_runs: { id: true, token: true, at: true, actor: true, items: true, undone_at: true },
} as const satisfies DatabaseColumns
