/** The words and markup of customer emails: plain text and the same as simple, escaped HTML. */
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { multiLine, singleLine } from '../invites/clean-text'
import type { InviteFacts, ShopFacts } from '../invites/facts'
import { vehicleLabel } from '../../../shared/domain/vehicles'

export interface EmailBody {
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** "Tuesday, March 10, 2025 at 9:00 AM" in the shop's time zone; a due date alone has no time. */
export function whenText(f: Pick<InviteFacts, 'startAt' | 'dueDate'>, timeZone: string): string {
  if (f.startAt) return format(new TZDate(Date.parse(f.startAt), timeZone), "EEEE, MMMM d, yyyy 'at' h:mm a")
  const [y, m, d] = f.dueDate.split('-').map(Number) as [number, number, number]
  return `${format(new Date(y, m - 1, d), 'EEEE, MMMM d, yyyy')} (due date; no time booked yet)`
}

/** Builds both bodies from labelled lines, so the text and the HTML always say the same. */
export function body(subject: string, intro: string, rows: Array<[string, string | null]>, closing: string[]): EmailBody {
  const kept = rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => [k, singleLine(v)] as const)
  const text = [intro, '', ...kept.map(([k, v]) => `${k}: ${v}`), '', ...closing].join('\n')
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; color: #1a1a1a">',
    `<p>${escapeHtml(intro)}</p>`,
    '<table cellpadding="4" style="border-collapse: collapse">',
    ...kept.map(([k, v]) => `<tr><th align="left" style="padding-right: 12px">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...closing.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('\n')
  return { subject: singleLine(subject), text: multiLine(text), html }
}

const signature = (shop: ShopFacts): string[] => [shop.name ? `${shop.name}` : '', shop.address ?? ''].filter((l) => l)

/** The email around an invite, its update or its cancellation. */
export function inviteWords(f: InviteFacts, shop: ShopFacts, kind: 'new' | 'update' | 'cancel'): EmailBody {
  const vehicle = vehicleLabel(f)
  const when = whenText(f, shop.timeZone)
  const subject =
    kind === 'cancel'
      ? `Cancelled: ${f.typeName} for your ${vehicleLabel({ make: f.make, model: f.model, plate: f.plate })}`
      : kind === 'update'
        ? `Changed: ${f.typeName} for your ${vehicleLabel({ make: f.make, model: f.model, plate: f.plate })}, ${when}`
        : `${f.typeName} for your ${vehicleLabel({ make: f.make, model: f.model, plate: f.plate })}, ${when}`
  const intro =
    kind === 'cancel'
      ? `Hello ${f.customerName}, this appointment has been cancelled.`
      : kind === 'update'
        ? `Hello ${f.customerName}, your appointment has changed. The attached invite updates it in your calendar.`
        : `Hello ${f.customerName}, here is your appointment. Open the attached invite to add it to your calendar.`
  return body(
    subject,
    intro,
    [
      ['Work', f.typeName],
      ['Vehicle', vehicle],
      ['When', when],
      ['Bay', f.startAt ? f.bayName : null],
      ['Where', shop.address ?? shop.name],
    ],
    ['Reply to this email if the time does not suit you.', ...signature(shop)],
  )
}

/** A reminder a few days before a booking. */
export function reminderWords(f: InviteFacts, shop: ShopFacts): EmailBody {
  const when = whenText(f, shop.timeZone)
  return body(
    `Reminder: ${f.typeName} for your ${vehicleLabel({ make: f.make, model: f.model, plate: f.plate })}, ${when}`,
    `Hello ${f.customerName}, a reminder of your appointment.`,
    [
      ['Work', f.typeName],
      ['Vehicle', vehicleLabel(f)],
      ['When', when],
      ['Where', shop.address ?? shop.name],
    ],
    ['Reply to this email if you need another time.', ...signature(shop)],
  )
}
