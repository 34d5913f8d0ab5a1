import { afterEach, describe, expect, test } from 'vitest'
import { exportOne, SHOP, addActivity, makeShop, text, type ICAL, type Shop } from './fixtures'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

describe('an invite for a booked activity', () => {
  test('carries every field a calendar needs to file it as a meeting request', async () => {
    shop = await makeShop({ now: '2025-03-01T12:00:00Z' })
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })

    const { file, method, vevent, event } = await exportOne(shop, id)

    expect(method).toBe('REQUEST')
    expect(file.method).toBe('REQUEST')
    expect(file.mimeType).toContain('text/calendar')
    expect(file.mimeType).toContain('method=REQUEST')
    expect(file.filename).toMatch(/^invite-toyota-corolla-abc-123-2025-03-10\.ics$/)
    expect(file.content).toContain('\r\n')
    expect(event.uid).toBe(file.uid)
    expect(event.uid).toMatch(new RegExp(`^activity-${id}\\.[0-9a-f-]{36}@shop-scheduler$`))
    expect(event.sequence).toBe(0)
    expect(file.sequence).toBe(0)
    // DTSTAMP is when the file was written: the pinned clock, in UTC.
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time
    expect(stamp.toJSDate().toISOString()).toBe('2025-03-01T12:00:00.000Z')

    expect(event.organizer).toBe(`MAILTO:${SHOP.email}`)
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe(SHOP.name)
    const attendees = event.attendees
    expect(attendees).toHaveLength(1)
    expect(attendees[0]!.getFirstValue()).toBe('mailto:vera@example.com')
    expect(attendees[0]!.getParameter('cn')).toBe('Vera Smith')
    expect(attendees[0]!.getParameter('rsvp')).toBe('TRUE')
    expect(attendees[0]!.getParameter('partstat')).toBe('NEEDS-ACTION')

    expect(event.summary).toBe('Minor inspection: Toyota Corolla (ABC 123)')
    expect(event.description).toContain('Minor inspection')
    expect(event.description).toContain('Toyota Corolla')
    expect(event.description).toContain('ABC 123')
    expect(event.description).toContain('Bay 2')
    expect(event.location).toBe(SHOP.address)
    expect(text(vevent, 'status')).toBe('CONFIRMED')

    // Times are UTC instants (a trailing Z), never floating.
    expect(event.startDate.isDate).toBe(false)
    expect(event.startDate.zone?.tzid).toBe('UTC')
    expect(event.endDate.zone?.tzid).toBe('UTC')
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-03-10T13:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2025-03-10T14:00:00.000Z')
    expect(file.content).toMatch(/\r\nDTSTART:20250310T130000Z\r\n/)
    expect(file.content).toMatch(/\r\nDTEND:20250310T140000Z\r\n/)

    // The reminder setting (3 days before) becomes a VALARM.
    const alarms = vevent.getAllSubcomponents('valarm')
    expect(alarms).toHaveLength(1)
    expect(text(alarms[0]!, 'action')).toBe('DISPLAY')
    const trigger = alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration
    expect(trigger.toSeconds()).toBe(-3 * 24 * 3600)
  })

  test('says nothing private: no VIN, no notes, no phone', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    const vin = (await shop.core.ok('vehicles.get', { id: shop.vehicleId })).vin
    const { file } = await exportOne(shop, id)
    for (const secret of [vin, 'gate code', 'Scratch', 'brakes squeal', '555-0100']) {
      expect(file.content.replace(/\r\n[ \t]/g, '')).not.toContain(secret)
    }
  })

  test('follows the reminder settings: another lead time, or no alarm at all', async () => {
    shop = await makeShop({ reminders: { enabled: true, days: 1 } })
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    const one = await exportOne(shop, id)
    const trigger = one.vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration
    expect(trigger.toSeconds()).toBe(-24 * 3600)

    await shop.core.db.updateTable('settings').set({ reminders_enabled: 0 }).execute()
    const off = await exportOne(shop, id)
    expect(off.vevent.getAllSubcomponents('valarm')).toHaveLength(0)
    // Reminders are the customer's calendar's business, not a change to the appointment.
    expect(off.event.sequence).toBe(0)
  })
})

describe('an invite for an unbooked activity', () => {
  test('is an all-day event on the due date with an exclusive end date', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-02-28' })
    const { file, method, vevent, event } = await exportOne(shop, id)

    expect(method).toBe('REQUEST')
    expect(file.kind).toBe('all_day')
    expect(event.startDate.isDate).toBe(true)
    expect(event.endDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2025-02-28')
    // Exclusive: the event ends at the start of the next day (across a month end here).
    expect(event.endDate.toString()).toBe('2025-03-01')
    expect(file.content).toMatch(/\r\nDTSTART;VALUE=DATE:20250228\r\n/)
    expect(file.content).toMatch(/\r\nDTEND;VALUE=DATE:20250301\r\n/)
    expect(text(vevent, 'transp')).toBe('TRANSPARENT')
    expect(event.description).toContain('no time is booked')
    expect(event.attendees).toHaveLength(1)
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(1)
  })
})

describe('text that needs escaping', () => {
  test('commas, semicolons, quotes and long names survive the round trip', async () => {
    shop = await makeShop()
    await shop.core.db
      .updateTable('settings')
      .set({ shop_name: 'Joe "Fast" Garage; Tires, Brakes', shop_address: '12 Main St; Unit 4, Springfield, IL 62701' })
      .execute()
    await shop.core.db.updateTable('customers').set({ name: 'Dr. Véronique "Vera" Smith-Jones, Esq.; the Third of Springfield' }).execute()
    const type = await shop.core.db
      .insertInto('activity_types')
      .values({
        name: 'Oil, filter; and a very long description of the work to make the line fold',
        category: 'maintenance',
        duration_minutes: 60,
        created_at: 'x',
        updated_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    await shop.core.db.updateTable('activities').set({ activity_type_id: type.id }).where('id', '=', id).execute()

    const { vevent, event } = await exportOne(shop, id)
    expect(event.summary).toBe('Oil, filter; and a very long description of the work to make the line fold: Toyota Corolla (ABC 123)')
    expect(event.location).toBe('12 Main St; Unit 4, Springfield, IL 62701')
    expect(event.attendees[0]!.getParameter('cn')).toBe("Dr. Véronique 'Vera' Smith-Jones, Esq.; the Third of Springfield")
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe("Joe 'Fast' Garage; Tires, Brakes")
  })
})
