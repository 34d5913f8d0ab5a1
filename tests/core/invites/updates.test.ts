import { afterEach, describe, expect, test } from 'vitest'
import { exportOne, addActivity, makeShop, rebook, setStatus, text, type ICAL, type Shop } from './fixtures'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

const booking = { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' }

describe('updates', () => {
  test('a moved booking is an update: same UID, higher SEQUENCE, and the panel says so until it is sent', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    expect((await shop.core.ok('invites.status', { activityId: id })).state).toBe('never_sent')

    const first = await exportOne(shop, id)
    const sent = await shop.core.ok('invites.status', { activityId: id })
    expect(sent).toMatchObject({ state: 'sent', changes: [], lastIssue: { sequence: 0, method: 'REQUEST' } })

    // Sending the same invite again is not an update.
    const again = await exportOne(shop, id)
    expect(again.event.sequence).toBe(0)

    shop.core.setNow('2025-03-02T09:00:00Z')
    await rebook(shop, id, '2025-03-11T15:00:00.000Z', '2025-03-11T16:00:00.000Z')
    const changed = await shop.core.ok('invites.status', { activityId: id })
    expect(changed).toMatchObject({ state: 'changed', changes: ['time'], next: { method: 'REQUEST', sequence: 1 } })

    const update = await exportOne(shop, id)
    expect(update.method).toBe('REQUEST')
    expect(update.event.uid).toBe(first.event.uid)
    expect(update.event.sequence).toBe(1)
    expect(update.event.startDate.toJSDate().toISOString()).toBe('2025-03-11T15:00:00.000Z')
    expect((update.vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2025-03-02T09:00:00.000Z')
    expect(await shop.core.ok('invites.status', { activityId: id })).toMatchObject({
      state: 'sent',
      lastIssue: { sequence: 1, issuedAt: '2025-03-02T09:00:00.000Z' },
    })

    // Each further change rises again.
    await rebook(shop, id, '2025-03-12T15:00:00.000Z', '2025-03-12T16:00:00.000Z')
    expect((await exportOne(shop, id)).event.sequence).toBe(2)
  })

  test('a change of bay or of the shop address is a change of place', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    await exportOne(shop, id)
    const other = await shop.core.db.insertInto('bays').values({ name: 'Bay 5', created_at: 'x' }).returning('id').executeTakeFirstOrThrow()
    await shop.core.db.updateTable('activities').set({ bay_id: other.id }).where('id', '=', id).execute()
    expect(await shop.core.ok('invites.status', { activityId: id })).toMatchObject({ state: 'changed', changes: ['place'] })
    const moved = await exportOne(shop, id)
    expect(moved.event.sequence).toBe(1)
    expect(moved.event.description).toContain('Bay 5')

    await shop.core.db.updateTable('settings').set({ shop_address: '99 New Rd, Springfield' }).execute()
    expect(await shop.core.ok('invites.status', { activityId: id })).toMatchObject({ state: 'changed', changes: ['place'] })
    const relocated = await exportOne(shop, id)
    expect(relocated.event.location).toBe('99 New Rd, Springfield')
    expect(relocated.event.sequence).toBe(2)
  })

  test('changes the customer cannot see (notes, technician) do not count as changes', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    await exportOne(shop, id)
    await shop.core.db.updateTable('activities').set({ notes: 'Bring the spare key', pinned: 1 }).where('id', '=', id).execute()
    expect((await shop.core.ok('invites.status', { activityId: id })).state).toBe('sent')
    expect((await exportOne(shop, id)).event.sequence).toBe(0)
  })

  test('booking an unbooked activity turns the all-day invite into a timed update', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-03-10' })
    const allDay = await exportOne(shop, id)
    expect(allDay.event.startDate.isDate).toBe(true)
    await rebook(shop, id, booking.start, booking.end)
    const timed = await exportOne(shop, id)
    expect(timed.event.uid).toBe(allDay.event.uid)
    expect(timed.event.sequence).toBe(1)
    expect(timed.event.startDate.isDate).toBe(false)
  })
})

describe('cancellation', () => {
  test('a cancelled activity exports METHOD:CANCEL with the same UID, a higher SEQUENCE and STATUS:CANCELLED', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    const invite = await exportOne(shop, id)
    await rebook(shop, id, '2025-03-11T13:00:00.000Z', '2025-03-11T14:00:00.000Z')
    const update = await exportOne(shop, id)
    await setStatus(shop, id, 'cancelled')

    expect(await shop.core.ok('invites.status', { activityId: id })).toMatchObject({
      state: 'changed',
      changes: ['cancellation'],
      next: { method: 'CANCEL', sequence: 2 },
    })
    const cancel = await exportOne(shop, id)
    expect(cancel.method).toBe('CANCEL')
    expect(cancel.file.mimeType).toContain('method=CANCEL')
    expect(cancel.file.filename).toMatch(/^cancellation-/)
    expect(cancel.event.uid).toBe(invite.event.uid)
    expect(cancel.event.sequence).toBeGreaterThan(update.event.sequence)
    expect(cancel.event.sequence).toBe(2)
    expect(text(cancel.vevent, 'status')).toBe('CANCELLED')
    // iTIP CANCEL still names the organizer and the attendee, and keeps the time it cancels.
    expect(cancel.event.organizer).toMatch(/^MAILTO:/)
    expect(cancel.event.attendees[0]!.getFirstValue()).toBe('mailto:vera@example.com')
    // …but asks for no answer: there is nothing to accept.
    expect(cancel.event.attendees[0]!.getParameter('rsvp')).toBe('FALSE')
    expect(cancel.event.attendees[0]!.getParameter('partstat')).toBeUndefined()
    expect(cancel.event.startDate.toJSDate().toISOString()).toBe('2025-03-11T13:00:00.000Z')
    // A cancelled appointment must not ring.
    expect(cancel.vevent.getAllSubcomponents('valarm')).toHaveLength(0)
    expect(await shop.core.ok('invites.status', { activityId: id })).toMatchObject({
      state: 'sent',
      lastIssue: { method: 'CANCEL', sequence: 2 },
    })
  })

  test('a cancellation never sent before still ranks above the original invite', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { ...booking, status: 'cancelled' })
    const cancel = await exportOne(shop, id)
    expect(cancel.method).toBe('CANCEL')
    expect(cancel.event.sequence).toBeGreaterThan(0)
  })
})

describe('saving before recording', () => {
  test('an unrecorded export leaves the panel at "never sent" until markSent confirms it', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    const file = await shop.core.ok('invites.export', { activityId: id, record: false })
    expect(file.issuedAt).toBeNull()
    // The save dialog was cancelled: nothing was sent.
    expect((await shop.core.ok('invites.status', { activityId: id })).state).toBe('never_sent')

    const again = await shop.core.ok('invites.export', { activityId: id, record: false })
    expect(again.sequence).toBe(file.sequence)
    const status = await shop.core.ok('invites.markSent', { activityId: id, sequence: again.sequence })
    expect(status).toMatchObject({ state: 'sent', lastIssue: { sequence: 0, method: 'REQUEST' } })
  })

  test('markSent for a SEQUENCE that a later export replaced is refused as stale', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, booking)
    const saved = await shop.core.ok('invites.export', { activityId: id, record: false })
    await rebook(shop, id, '2025-03-11T13:00:00.000Z', '2025-03-11T14:00:00.000Z')
    await shop.core.ok('invites.export', { activityId: id, record: false })
    const error = await shop.core.refused('invites.markSent', { activityId: id, sequence: saved.sequence })
    expect(error.code).toBe('stale')
    expect((await shop.core.ok('invites.status', { activityId: id })).state).toBe('never_sent')
  })
})
