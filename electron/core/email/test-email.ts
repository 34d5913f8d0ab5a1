import type { TestEmailResult } from '../../../shared/domain/email'
import type { Ctx } from '../handler'
import { getEmailSettingsRow, notConfiguredReason, SMTP_PASSWORD_KEY } from './settings'
import { createSmtpTransport, sendMessage } from './transport'
import { body } from './words'
import { randomUUID } from 'node:crypto'

/**
 * "Send a test email": sends one message now, with the saved settings, and answers what the
 * server said. Not an outbox row: nothing depends on it, and the desk wants the answer now.
 *
 * @example
 * await sendTestEmail(ctx, 'desk@example.com') // { accepted: true, message: 'Sent to desk@example.com…' }
 */
export async function sendTestEmail(ctx: Ctx, to: string): Promise<TestEmailResult> {
  const { settings, shopName } = await ctx.batch(async (db) => ({
    settings: await getEmailSettingsRow(db),
    shopName: (await db.selectFrom('settings').select('shop_name').executeTakeFirstOrThrow()).shop_name,
  }))
  const notSet = notConfiguredReason(settings)
  if (notSet) return { accepted: false, message: notSet }
  const config = {
    host: settings.host ?? '',
    port: settings.port,
    security: settings.security,
    username: settings.username,
    // Read outside the lock: the secret store may be slow (the OS keychain).
    password: settings.password_set ? await ctx.ports.secrets.get(SMTP_PASSWORD_KEY) : null,
    fromAddress: settings.from_address ?? '',
    fromName: settings.from_name,
  }
  const words = body(
    `Test email from ${shopName || 'Shop Scheduler'}`,
    'This is a test email from Shop Scheduler: the mail server settings work.',
    [
      ['Server', `${config.host}:${config.port} (${config.security})`],
      ['From', config.fromAddress],
    ],
    [],
  )
  const transport = createSmtpTransport(config)
  try {
    const outcome = await sendMessage(transport, config, { messageId: `<test-${randomUUID()}@shop-scheduler>`, to, ...words })
    return outcome.kind === 'accepted'
      ? { accepted: true, message: `The server accepted the test email to ${to}.` }
      : { accepted: false, message: outcome.message }
  } finally {
    transport.close()
  }
}
