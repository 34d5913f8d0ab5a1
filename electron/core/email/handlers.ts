import type { Updateable } from 'kysely'
import type { EmailSettingsTable } from '../db/database'
import { AppError } from '../errors'
import { longRunning, type HandlerMap } from '../handler'
import { outboxStatus, queueInviteEmail, retryNow } from './outbox'
import { getEmailSettingsRow, notConfiguredReason, SMTP_PASSWORD_KEY, toEmailSettings, updateEmailSettingsRow } from './settings'
import { inviteEmailState, outboxSummary, reminderStates } from './state'
import { sendTestEmail } from './test-email'
import { findInviteFacts, loadShopFacts } from '../invites/queries'
import { inviteRefusal } from '../invites/refusals'

export const emailHandlers = {
  'email.settings': async (_input, { db }) => toEmailSettings(await getEmailSettingsRow(db)),

  'email.updateSettings': async (input, ctx) => {
    const set: Updateable<EmailSettingsTable> = {
      host: input.host,
      port: input.port,
      security: input.security,
      username: input.username,
      from_address: input.fromAddress,
      from_name: input.fromName,
      updated_at: ctx.clock.now().toISOString(),
    }
    // The password goes to the secret store (OS-encrypted in the app), never to SQLite.
    if (input.password !== undefined) {
      if (input.password) await ctx.ports.secrets.set(SMTP_PASSWORD_KEY, input.password)
      else await ctx.ports.secrets.delete(SMTP_PASSWORD_KEY)
      set.password_set = input.password ? 1 : 0
    }
    await updateEmailSettingsRow(ctx.db, set)
    // Waiting emails may go now: the outbox service looks again on this change.
    ctx.changed('settings', 'invites')
    return toEmailSettings(await getEmailSettingsRow(ctx.db))
  },

  // The network call is the point: it runs outside the lock, reading settings in a batch.
  'email.sendTest': longRunning<'email.sendTest'>((input, ctx) => sendTestEmail(ctx, input.to)),

  'email.sendInvite': async ({ activityId }, ctx) => {
    const settings = await getEmailSettingsRow(ctx.db)
    const facts = await findInviteFacts(ctx.db, activityId)
    const refusal = notConfiguredReason(settings) ?? inviteRefusal(facts, await loadShopFacts(ctx.db), 'auto')
    if (refusal) throw new AppError('refused', refusal)
    await queueInviteEmail(ctx.db, { activityId, now: ctx.clock.now(), actor: ctx.actor })
    ctx.changed('invites')
    return inviteEmailState(ctx.db, activityId)
  },

  'email.inviteState': ({ activityId }, { db }) => inviteEmailState(db, activityId),

  'email.reminders': ({ activityIds }, { db }) => reminderStates(db, activityIds),

  'email.outbox': (_input, { db }) => outboxSummary(db),

  'email.retry': async ({ id }, ctx) => {
    const status = await outboxStatus(ctx.db, id)
    if (!status) throw new AppError('not_found', `No email ${id} in the outbox.`)
    if (status !== 'queued') throw new AppError('refused', 'Only an email still waiting can be tried again.')
    await retryNow(ctx.db, id, ctx.clock.now().toISOString())
    ctx.changed('invites')
    return outboxSummary(ctx.db)
  },
} satisfies HandlerMap<'email'>
