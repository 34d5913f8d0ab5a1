/**
 * Calendar files other programs must read strictly: lines folded at 75 octets, every text
 * escaped, no control characters, alarms at a sensible hour. Checked with ical.js and, as a
 * second opinion, Python's icalendar.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, test } from 'vitest'
import { foldLine, refold } from '../../../electron/core/invites/fold'
import { ICAL, addActivity, exportOne, makeShop, parseCalendar, text, type Shop } from './fixtures'
import { testDialect } from '../../helpers/postgres'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

const physicalLines = (content: string) => content.split('\r\n').filter((l) => l.length > 0)

/** Gives the activity a type of this name, as a user could have typed it. */
async function nameWork(s: Shop, activityId: number, name: string): Promise<void> {
  const type = await s.core.db
    .insertInto('activity_types')
    .values({ name, category: 'maintenance', duration_minutes: 60, created_at: 'x', updated_at: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await s.core.db.updateTable('activities').set({ activity_type_id: type.id }).where('id', '=', activityId).execute()
}

describe('folding', () => {
  test('no physical line exceeds 75 octets, and no character is cut in two', () => {
    const line = `SUMMARY:${'Ölwechsel und Bremsprüfung für Frau Müller 🚗 '.repeat(6)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(3)
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
      // A cut inside a UTF-8 sequence would not survive a decode round trip.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part)
      expect(part).not.toContain('\uFFFD')
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true)
    expect(refold(folded)).toBe(folded)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  test('an invite with accented, long names folds by octets and parses to the same text', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    const name = 'Révision complète à 20 000 km: vidange, contrôle des freins, pneus été/hiver — ÉÉÉÉÉÉÉÉÉÉ'
    await nameWork(shop, id, name)
    const { file, event } = await exportOne(shop, id)
    for (const l of physicalLines(file.content)) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75)
    expect(event.summary).toBe(`${name}: Toyota Corolla (ABC 123)`)
  })
})

describe('text fields', () => {
  test('control characters are stripped or become spaces; reminder text and calendar name are escaped', async () => {
    shop = await makeShop()
    const id = await addActivity(shop, { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' })
    // PostgreSQL's text cannot hold NUL at all, so only the file's text can carry one there.
    await nameWork(shop, id, `Oil,\r filter;\tand \\ bell\u0007${testDialect() === 'sqlite' ? '\u0000' : ''} check`)
    await shop.core.db.updateTable('settings').set({ shop_address: '12 Main St\r\nUnit 4' }).execute()
    await shop.core.db.updateTable('customers').set({ name: 'Vera\r\nSmith\u001b' }).execute()
    await shop.core.db.updateTable('vehicles').set({ make: 'Toyota; Lexus', model: 'Corolla, GR' }).execute()

    const { file, vevent, event } = await exportOne(shop, id)
    // eslint-disable-next-line no-control-regex
    const controls = /[\u0000-\u0008\u000B-\u001F\u007F]/
    for (const l of physicalLines(file.content)) expect(l).not.toMatch(controls)
    expect(event.summary).toBe('Oil, filter; and \\ bell check: Toyota; Lexus Corolla, GR (ABC 123)')
    expect(event.location).toBe('12 Main St Unit 4')
    expect(event.attendees[0]!.getParameter('cn')).toBe('Vera Smith')
    const alarm = vevent.getFirstSubcomponent('valarm')!
    expect(text(alarm, 'description')).toBe(`Reminder: ${event.summary}`)

    const schedule = await shop.core.ok('invites.exportVehicle', { vehicleId: shop.vehicleId })
    // ical.js leaves an X- property's text as written, so the escaping is checked as written.
    expect(parseCalendar(schedule.content).events).toHaveLength(1)
    expect(schedule.content).toContain('X-WR-CALNAME:Toyota\\; Lexus Corolla\\, GR (ABC 123): service schedule')
  })
})

describe('all-day alarms', () => {
  const triggerOf = (vevent: ICAL.Component) => vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration

  test('ring at 09:00 on the day the reminder setting names, not at midnight', async () => {
    shop = await makeShop({ reminders: { enabled: true, days: 3 } })
    const id = await addActivity(shop, { due: '2025-03-10' })
    const three = await exportOne(shop, id)
    const fires = (vevent: ICAL.Component) => {
      const start = new ICAL.Event(vevent).startDate.clone()
      // Midnight of the (floating) due date, where a relative trigger counts from.
      start.isDate = false
      start.addDuration(triggerOf(vevent))
      return start.toString()
    }
    expect(fires(three.vevent)).toBe('2025-03-07T09:00:00')

    await shop.core.db.updateTable('settings').set({ reminder_days_before: 1 }).execute()
    expect(fires((await exportOne(shop, id)).vevent)).toBe('2025-03-09T09:00:00')
    await shop.core.db.updateTable('settings').set({ reminder_days_before: 0 }).execute()
    expect(fires((await exportOne(shop, id)).vevent)).toBe('2025-03-10T09:00:00')
  })
})

const hasPythonIcalendar = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import icalendar'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

test.skipIf(!hasPythonIcalendar && !process.env.CI)('python icalendar reads the same text and no RSVP on a cancellation', async () => {
  shop = await makeShop({ reminders: { enabled: true, days: 2 } })
  const id = await addActivity(shop, { due: '2025-03-10' })
  const name = 'Contrôle; freins, pneus \\ été — très long nom pour plier la ligne en plusieurs morceaux'
  await nameWork(shop, id, name)
  const script = [
    'import sys, json, icalendar',
    'cal = icalendar.Calendar.from_ical(sys.stdin.read())',
    'ev = [c for c in cal.walk("VEVENT")][0]',
    'al = [c for c in ev.walk("VALARM")]',
    'att = ev.get("ATTENDEE")',
    'print(json.dumps({"summary": str(ev["SUMMARY"]), "alarm": str(al[0]["DESCRIPTION"]) if al else None,',
    '  "trigger": str(al[0].decoded("TRIGGER")) if al else None, "rsvp": att.params.get("RSVP") if att is not None else None}))',
  ].join('\n')
  const read = (content: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: content }).toString())
  const request = await exportOne(shop, id)
  expect(read(request.file.content)).toEqual({
    summary: `${name}: Toyota Corolla (ABC 123)`,
    alarm: `Reminder: ${name}: Toyota Corolla (ABC 123)`,
    trigger: '-2 days, 9:00:00',
    rsvp: 'TRUE',
  })
  await shop.core.db.updateTable('activities').set({ status: 'cancelled' }).where('id', '=', id).execute()
  const cancel = await exportOne(shop, id)
  expect(read(cancel.file.content)).toMatchObject({ alarm: null, rsvp: 'FALSE' })
})
