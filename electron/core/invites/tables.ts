/**
 * The invite tables as Kysely sees them. They live beside the invites domain (not in
 * `db/database.ts`) and are added to a handle with `withInviteTables(db)`.
 */
import type { Generated, Kysely } from 'kysely'
import type { Database } from '../db/database'

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
  /** JSON of the customer-visible fields at that revision (see `fingerprint.ts`). */
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

// A type alias, not an interface: `withTables` needs an index-compatible record type.
export type InviteTables = {
  invite_calendar: InviteCalendarTable
  invite_sequences: InviteSequencesTable
  invite_issues: InviteIssuesTable
}

export type InviteDb = Kysely<Database & InviteTables>

/**
 * The same connection (or transaction), typed with the invite tables too.
 *
 * @example
 * const row = await withInviteTables(ctx.db).selectFrom('invite_calendar').selectAll().executeTakeFirst()
 */
export const withInviteTables = (db: Kysely<Database>): InviteDb => db.withTables<InviteTables>()
