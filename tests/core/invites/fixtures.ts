/**
 * Builds a small shop for invite tests: settings, a customer, a vehicle, a bay and
 * activities inserted directly (the activities channels belong to another domain), and
 * parses calendar files with ical.js, the independent parser.
 */
import ICAL from 'ical.js'
import { expect } from 'vitest'
import { TZDate } from '@date-fns/tz'
import { testCore, testVin, type TestCore } from '../../helpers/core'

export interface Shop {
  core: TestCore
  customerId: number
  vehicleId: number
  bayId: number
  typeId: number
}

export const SHOP = {
  name: "Joe's Garage",
  email: 'desk@joes-garage.example',
  address: '12 Main St, Springfield',
}

export async function makeShop(
  opts: { now?: string; timeZone?: string; customerEmail?: string | null; reminders?: { enabled: boolean; days: number } } = {},
): Promise<Shop> {
  const core = await testCore({ now: opts.now ?? '2025-03-01T12:00:00Z', timeZone: opts.timeZone ?? 'America/New_York' })
  await core.db
    .updateTable('settings')
    .set({
      shop_name: SHOP.name,
      shop_email: SHOP.email,
      shop_address: SHOP.address,
      reminders_enabled: opts.reminders?.enabled === false ? 0 : 1,
      reminder_days_before: opts.reminders?.days ?? 3,
      // The scheduler would plan a year of work on onboarding; these tests place their own.
      auto_schedule: 0,
    })
    .execute()
  const customer = await core.ok('customers.create', {
    name: 'Vera Smith',
    email: opts.customerEmail === undefined ? 'vera@example.com' : opts.customerEmail,
    phone: '555-0100',
    notes: 'Prefers mornings; gate code 4411',
  })
  const vehicle = await core.ok('vehicles.create', {
    customerId: customer.id,
    vin: testVin(1),
    make: 'Toyota',
    model: 'Corolla',
    year: 2019,
    licensePlate: 'ABC 123',
    onboardingDate: '2025-01-01',
    notes: 'Scratch on the left door',
  })
  // The shop's pinned clock, not the wall clock: rows look made when the core says it is.
  const now = core.clock.now().toISOString()
  const bay = await core.db.insertInto('bays').values({ name: 'Bay 2', created_at: now }).returning('id').executeTakeFirstOrThrow()
  const type = await core.db.selectFrom('activity_types').select('id').where('builtin', '=', 'minor').executeTakeFirstOrThrow()
  return { core, customerId: customer.id, vehicleId: vehicle.id, bayId: bay.id, typeId: type.id }
}

let occurrence = 0

/** Inserts an activity row: booked when `start`/`end` are given, else due only. */
export async function addActivity(
  shop: Shop,
  a: {
    due: string
    start?: string
    end?: string
    bay?: boolean
    status?: 'scheduled' | 'cancelled' | 'completed' | 'missed' | 'in_progress'
    vehicleId?: number
  },
): Promise<number> {
  const now = shop.core.clock.now().toISOString()
  const row = await shop.core.db
    .insertInto('activities')
    .values({
      vehicle_id: a.vehicleId ?? shop.vehicleId,
      activity_type_id: shop.typeId,
      origin: 'manual',
      occurrence_key: `test:${++occurrence}`,
      due_date: a.due,
      start_at: a.start ?? null,
      end_at: a.end ?? null,
      bay_id: a.start && a.bay !== false ? shop.bayId : null,
      status: a.status ?? 'scheduled',
      notes: 'Customer said the brakes squeal',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Moves a booking, as the activities channels would. */
export async function rebook(shop: Shop, id: number, start: string, end: string): Promise<void> {
  await shop.core.db.updateTable('activities').set({ start_at: start, end_at: end }).where('id', '=', id).execute()
}

export async function setStatus(shop: Shop, id: number, status: 'cancelled' | 'completed' | 'scheduled'): Promise<void> {
  await shop.core.db.updateTable('activities').set({ status }).where('id', '=', id).execute()
}

/** A shop-local wall-clock time as the UTC instant the database stores. */
export const wallClock = (timeZone: string, y: number, m: number, d: number, h: number, min = 0): string =>
  new Date(new TZDate(y, m - 1, d, h, min, timeZone).getTime()).toISOString()

export interface ParsedCalendar {
  calendar: ICAL.Component
  method: string | null
  events: ICAL.Component[]
}

/** Parses with ical.js; throws on anything it cannot read. */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text))
  expectName(calendar.name, 'vcalendar')
  const method = calendar.getFirstPropertyValue('method')
  return {
    calendar,
    method: typeof method === 'string' ? method : null,
    events: calendar.getAllSubcomponents('vevent'),
  }
}

function expectName(actual: string, expected: string) {
  if (actual !== expected) throw new Error(`Expected a ${expected}, parsed a ${actual}`)
}

/** A property's value as text (ical.js types values loosely). */
export const text = (c: ICAL.Component, name: string): string | null => {
  const v = c.getFirstPropertyValue(name)
  return v === null || v === undefined ? null : String(v)
}

/** Exports one activity's invite and parses it: the file, its METHOD and its one VEVENT. */
export async function exportOne(s: Shop, activityId: number) {
  const file = await s.core.ok('invites.export', { activityId })
  const parsed = parseCalendar(file.content)
  expect(parsed.events).toHaveLength(1)
  return { file, method: parsed.method, vevent: parsed.events[0]!, event: new ICAL.Event(parsed.events[0]!) }
}

export { ICAL }
