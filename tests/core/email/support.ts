/** A shop with email set up against a loopback SMTP server, and the outbox service at hand. */
import { EMAIL_SERVICE, type EmailService } from '../../../electron/core/email/service'
import type { ParsedMail } from 'mailparser'
import { startSmtp, type TestSmtp } from '../../helpers/smtp'
import { ICAL, addActivity, makeShop, parseCalendar, type Shop } from '../invites/fixtures'

export interface MailShop extends Shop {
  smtp: TestSmtp
  email: EmailService
}

export const FROM = { address: 'desk@joes-garage.example', name: "Joe's Garage desk" }

export function emailService(shop: Shop): EmailService {
  const service = shop.core.services.get<EmailService>(EMAIL_SERVICE)
  if (!service) throw new Error('The email outbox service is not registered')
  return service
}

export async function configure(shop: Shop, smtpPort: number, extra: { username?: string; password?: string } = {}) {
  return shop.core.ok('email.updateSettings', {
    host: '127.0.0.1',
    port: smtpPort,
    security: 'none',
    username: extra.username ?? null,
    ...(extra.password !== undefined ? { password: extra.password } : {}),
    fromAddress: FROM.address,
    fromName: FROM.name,
  })
}

export async function mailShop(opts: Parameters<typeof makeShop>[0] = {}): Promise<MailShop> {
  const shop = await makeShop(opts)
  const smtp = await startSmtp()
  await configure(shop, smtp.port)
  return { ...shop, smtp, email: emailService(shop) }
}

/** Books an activity through the channel, as the calendar would (so follow-ups are queued). */
export async function bookedActivity(shop: Shop, start = '2025-03-10T13:00:00.000Z'): Promise<number> {
  const id = await addActivity(shop, { due: start.slice(0, 10) })
  const a = await shop.core.ok('activities.get', { id })
  await shop.core.ok('activities.book', { id, version: a.version, start, bayId: shop.bayId })
  return id
}

export async function move(shop: Shop, id: number, start: string): Promise<void> {
  const a = await shop.core.ok('activities.get', { id })
  await shop.core.ok('activities.book', { id, version: a.version, start })
}

/**
 * The calendar parts of a received invite, as mailparser found them: the inline
 * `text/calendar` alternative (with its method parameter) and the .ics attachment, each
 * read with ical.js.
 */
export function calendarParts(mail: ParsedMail) {
  const inline = mail.attachments.find((a) => a.contentType === 'text/calendar')
  const file = mail.attachments.find((a) => a.contentType === 'application/ics')
  if (!inline || !file) throw new Error(`Expected a text/calendar part and an .ics attachment, got ${mail.attachments.map((a) => a.contentType).join(', ')}`)
  const read = (content: Buffer) => {
    const parsed = parseCalendar(content.toString('utf8'))
    return { ...parsed, event: new ICAL.Event(parsed.events[0]!) }
  }
  return { inline: read(inline.content), inlineType: inline.headers.get('content-type'), file: read(file.content), filename: file.filename }
}

export { ICAL }
