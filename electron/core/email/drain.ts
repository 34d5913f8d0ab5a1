/**
 * One round of the email outbox: prepare what is due (short transaction), send it with
 * the lock released, record each outcome (short transaction each). Never holds the lock
 * across the network.
 */
import type { Clock } from '../clock'
import type { EmailOutboxRow } from '../db/database'
import type { Ctx } from '../handler'
import type { Logger } from '../logger'
import { recordIssue } from '../invites/issues'
import { retryDelayMs } from './outbox'
import { prepareDue } from './prepare'
import { getEmailSettingsRow, isConfigured, SMTP_PASSWORD_KEY } from './settings'
import { createSmtpTransport, sendMessage, type OutgoingMessage, type SendOutcome, type SmtpConfig } from './transport'

export interface DrainDeps {
  /** One short transaction under the core's lock (a service's `batch`). */
  batch<T>(step: (ctx: Ctx) => Promise<T>): Promise<T>
  clock: Clock
  log: Logger
  secrets: { get(key: string): Promise<string | null> }
  /** Stops a round between messages when the core closes. */
  signal?: AbortSignal
}

export interface DrainRound {
  sent: number
  waiting: number
  failed: number
}

/**
 * Tries every due email once.
 *
 * @example
 * const round = await drainOnce({ batch, clock, log, secrets })
 */
export async function drainOnce(deps: DrainDeps): Promise<DrainRound> {
  const round: DrainRound = { sent: 0, waiting: 0, failed: 0 }
  const picked = await deps.batch(async (ctx) => {
    const settings = await getEmailSettingsRow(ctx.db)
    // Not set up: everything stays queued (and is shown so) until it is.
    if (!isConfigured(settings)) return null
    const ready = await prepareDue(ctx.db, ctx.clock.now())
    if (ready.length > 0) ctx.changed('invites')
    return { settings, ready }
  })
  if (!picked || picked.ready.length === 0) return round
  const { settings } = picked
  const config: SmtpConfig = {
    host: settings.host ?? '',
    port: settings.port,
    security: settings.security,
    username: settings.username,
    password: settings.password_set ? await deps.secrets.get(SMTP_PASSWORD_KEY) : null,
    fromAddress: settings.from_address ?? '',
    fromName: settings.from_name,
  }
  const transport = createSmtpTransport(config)
  try {
    for (const row of picked.ready) {
      if (deps.signal?.aborted) break
      const message = outgoing(row)
      const outcome: SendOutcome | 'stopped' = message
        ? await untilStopped(sendMessage(transport, config, message), deps.signal)
        : { kind: 'permanent', message: 'The prepared email is incomplete.' }
      // Closing mid-send is a crash as far as this row knows: it stays queued, prepared,
      // and the next start sends the same message (same Message-ID) again.
      if (outcome === 'stopped') break
      await deps.batch((ctx) => recordOutcome(ctx, row, outcome))
      round[outcome.kind === 'accepted' ? 'sent' : outcome.kind === 'transient' ? 'waiting' : 'failed']++
      if (outcome.kind !== 'accepted') deps.log.warn(`Email ${row.id} (${row.kind}) not sent: ${outcome.message}`)
    }
  } finally {
    transport.close()
  }
  return round
}

const untilStopped = <T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'stopped'> =>
  signal
    ? Promise.race([
        work,
        new Promise<'stopped'>((resolve) => {
          if (signal.aborted) resolve('stopped')
          signal.addEventListener('abort', () => resolve('stopped'), { once: true })
        }),
      ])
    : work

function outgoing(row: EmailOutboxRow): OutgoingMessage | null {
  if (!row.message_id || !row.to_address || !row.subject || row.text_body === null || row.html_body === null) return null
  return {
    messageId: row.message_id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    ...(row.ics && row.method ? { calendar: { content: row.ics, method: row.method, filename: row.ics_filename ?? 'invite.ics' } } : {}),
  }
}

async function recordOutcome(ctx: Ctx, row: EmailOutboxRow, outcome: SendOutcome): Promise<void> {
  const now = ctx.clock.now().toISOString()
  ctx.changed('invites')
  if (outcome.kind === 'accepted') {
    await ctx.db
      .updateTable('email_outbox')
      .set({ status: 'sent', sent_at: now, attempts: row.attempts + 1, last_error: null })
      .where('id', '=', row.id)
      .execute()
    if (row.kind === 'invite' && row.method && row.sequence !== null && row.fingerprint) {
      // Only now, with the server's yes, does the panel say "emailed".
      await recordIssue(ctx.db, {
        activityId: row.activity_id,
        sequence: row.sequence,
        method: row.method,
        fingerprint: row.fingerprint,
        issuedAt: now,
        actor: row.actor,
        via: 'email',
      })
    }
    return
  }
  const attempts = row.attempts + 1
  await ctx.db
    .updateTable('email_outbox')
    .set(
      outcome.kind === 'permanent'
        ? { status: 'failed', attempts, last_error: outcome.message }
        : {
            attempts,
            last_error: outcome.message,
            next_attempt_at: new Date(Date.parse(now) + retryDelayMs(attempts)).toISOString(),
          },
    )
    .where('id', '=', row.id)
    .execute()
}
