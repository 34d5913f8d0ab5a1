import type { InviteFacts, ShopFacts } from './facts'

/**
 * Why this activity's invite cannot be sent, in words for the front desk; null when it can.
 * The panel shows the same sentence the export refuses with.
 *
 * @example
 * inviteRefusal(facts, shop, 'timed') // 'Not booked yet: book a time before sending a timed invite…'
 */
export function inviteRefusal(f: InviteFacts, shop: ShopFacts, as: 'auto' | 'timed'): string | null {
  if (f.status === 'completed') return 'This work is completed: there is nothing to invite the customer to.'
  if (f.status === 'missed') return 'This activity was missed: book it again before sending an invite.'
  if (as === 'timed' && f.status !== 'cancelled' && !f.startAt) {
    return 'Not booked yet: book a time before sending a timed invite (without a booking only an all-day reminder of the due date can be sent).'
  }
  if (!f.customerEmail) {
    return `${f.customerName} has no email address, so no invite can be sent. Add one on the Customers page first.`
  }
  if (!shop.email) {
    return 'The shop has no email address in Settings: an invite needs it as the organizer customers reply to.'
  }
  return null
}
