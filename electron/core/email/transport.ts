/**
 * The one place that talks SMTP, through Nodemailer. Everything else hands it a prepared
 * message and gets back "accepted", "try later" or "refused for good".
 */
import nodemailer from 'nodemailer'
import type { EmailSettingsRow } from '../db/database'

export interface SmtpConfig {
  host: string
  port: number
  security: EmailSettingsRow['security']
  username: string | null
  password: string | null
  fromAddress: string
  fromName: string | null
}

export interface OutgoingMessage {
  messageId: string
  to: string
  subject: string
  text: string
  html: string
  /** The invite: sent inline as `text/calendar; method=…` and attached as a file. */
  calendar?: { content: string; method: 'REQUEST' | 'CANCEL'; filename: string }
}

export type SendOutcome =
  | { kind: 'accepted'; response: string }
  /** Unreachable, timed out, dropped, or a 4xx "try later": retried with backoff. */
  | { kind: 'transient'; message: string }
  /** A 5xx refusal (no such mailbox, relaying denied, bad login): retrying cannot help. */
  | { kind: 'permanent'; message: string }

/** Timeouts short enough that a stalled server shows as waiting, not as a hung screen. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }

export function createSmtpTransport(config: SmtpConfig) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    // "tls": TLS from the first byte (usually 465); "starttls": must upgrade (587), never
    // falls back to plain text; "none": a local relay that speaks plain SMTP.
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.username ? { user: config.username, pass: config.password ?? '' } : undefined,
    // Nodemailer logs nothing unless asked; the password must never reach a log.
    logger: false,
    debug: false,
    ...TIMEOUTS,
  })
}

export type SmtpTransport = ReturnType<typeof createSmtpTransport>

/**
 * Sends one message and says how it went; never throws for what the server or the network did.
 *
 * @example
 * const outcome = await sendMessage(transport, config, message)
 * if (outcome.kind === 'accepted') markSent()
 */
export async function sendMessage(transport: SmtpTransport, config: SmtpConfig, m: OutgoingMessage): Promise<SendOutcome> {
  try {
    const info = await transport.sendMail({
      from: config.fromName ? { name: config.fromName, address: config.fromAddress } : config.fromAddress,
      to: m.to,
      subject: m.subject,
      messageId: m.messageId,
      text: m.text,
      html: m.html,
      ...(m.calendar
        ? {
            // Nodemailer writes it twice: as the `text/calendar; method=…` alternative that
            // calendar clients act on (RFC 6047), and as an .ics attachment for the others.
            icalEvent: { method: m.calendar.method, content: m.calendar.content, filename: m.calendar.filename },
          }
        : {}),
    })
    if (info.rejected.length > 0 && info.accepted.length === 0) {
      return { kind: 'permanent', message: `The server refused ${m.to}.` }
    }
    return { kind: 'accepted', response: info.response }
  } catch (error) {
    return classify(error)
  }
}

interface SmtpError {
  code?: string
  responseCode?: number
  response?: string
  message?: string
}

const isSmtpError = (e: unknown): e is SmtpError => typeof e === 'object' && e !== null

/** 5xx is final (RFC 5321 section 4.2.1); everything else may work later. */
export function classify(error: unknown): SendOutcome {
  const e: SmtpError = isSmtpError(error) ? error : {}
  const said = e.response ? `The server said: ${e.response}` : (e.message ?? String(error))
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    if (e.code === 'EAUTH') return { kind: 'permanent', message: `The mail server refused the login. ${said}` }
    return { kind: 'permanent', message: said }
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ESOCKET' || e.code === 'ECONNECTION' || e.code === 'EDNS') {
    return { kind: 'transient', message: `The mail server cannot be reached (${e.message ?? e.code}).` }
  }
  if (e.code === 'ETIMEDOUT') return { kind: 'transient', message: 'The mail server did not answer in time.' }
  return { kind: 'transient', message: said }
}
