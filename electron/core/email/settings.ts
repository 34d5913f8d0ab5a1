import type { Kysely, Updateable } from 'kysely'
import type { EmailSettings } from '../../../shared/domain/email'
import type { Database, EmailSettingsRow, EmailSettingsTable } from '../db/database'

/** The SecretStore key of the SMTP password. */
export const SMTP_PASSWORD_KEY = 'smtp:password'

export const getEmailSettingsRow = (db: Kysely<Database>): Promise<EmailSettingsRow> =>
  db.selectFrom('email_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()

/** Writes the given columns of the one email settings row (never a password: that lives in the SecretStore). */
export async function updateEmailSettingsRow(db: Kysely<Database>, set: Updateable<EmailSettingsTable>): Promise<void> {
  await db.updateTable('email_settings').set(set).where('id', '=', 1).execute()
}

export const toEmailSettings = (r: EmailSettingsRow): EmailSettings => ({
  host: r.host,
  port: r.port,
  security: r.security,
  username: r.username,
  passwordSet: r.password_set === 1,
  fromAddress: r.from_address,
  fromName: r.from_name,
  configured: isConfigured(r),
})

/** Enough to send: a server to hand mail to and an address to send it from. */
export const isConfigured = (r: Pick<EmailSettingsRow, 'host' | 'from_address'>): boolean => !!r.host && !!r.from_address

/** Why invites cannot be emailed with these settings, or null. */
export const notConfiguredReason = (r: Pick<EmailSettingsRow, 'host' | 'from_address'>): string | null =>
  isConfigured(r) ? null : 'Email is not set up: add the mail server and the from-address in Settings → Email.'
