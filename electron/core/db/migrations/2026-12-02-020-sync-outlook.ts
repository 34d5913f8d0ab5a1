import { sql, type Kysely } from 'kysely'

/**
 * Outlook accounts (issue 9 §1): `sync_accounts.provider` accepts 'outlook', and the
 * Microsoft client id entered in Settings has its column beside Google's.
 *
 * SQLite cannot change a CHECK in place and rebuilding `sync_accounts` would cascade-delete
 * its calendars and links; a column whose own CHECK is the only thing naming it can be
 * dropped, so the column is re-made: added with the wider CHECK, filled, the old one
 * dropped, the new one renamed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sync_accounts add column provider_next text not null default 'google' check (provider_next in ('google', 'outlook'))`.execute(db)
  await sql`update sync_accounts set provider_next = provider`.execute(db)
  await sql`alter table sync_accounts drop column provider`.execute(db)
  await sql`alter table sync_accounts rename column provider_next to provider`.execute(db)
  await db.schema.alterTable('sync_settings').addColumn('ms_client_id', 'text').execute()
}
