import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection } from '../../../electron/core/db/connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { createCore } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { fixedClock } from '../../../electron/core/clock'

const dirs: string[] = []
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shop-mig-'))
  dirs.push(dir)
  return join(dir, 'shop.db')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migrations', () => {
  it('bring a database made at the first migration to the latest without losing a row', async () => {
    const path = tempDb()
    const first = Object.keys(migrations).sort()[0]!
    const old = openConnection({ path })
    expect(await migrateToLatest(old.db, first)).toEqual([first])
    // Rows as a user of the first release would have left them.
    old.sqlite.exec(`
      insert into customers (name, email, created_at, updated_at) values ('Ada Fleet', 'ada@fleet.test', 't', 't');
      insert into vehicles (customer_id, vin, make, model, year, license_plate, plate_normalized, onboarding_date, created_at, updated_at)
        values (1, '1HGCM82633A004352', 'Honda', 'Civic', 2019, 'AB 123', 'AB123', '2025-01-01', 't', 't');
      insert into odometer_readings (vehicle_id, reading_date, miles, created_at) values (1, '2025-01-01', 1200, 't');
      insert into settings (id, shop_name, time_zone, inspection_interval_months, updated_at) values (1, 'Old Shop', 'Europe/Berlin', 6, 't');
      insert into shop_hours (weekday, opens, closes) values (1, '07:00', '16:00');
    `)
    await old.close()

    const core = await createCore({ dbPath: path, log: silentLogger, clock: fixedClock('2025-02-01T10:00:00Z') })
    try {
      const customers = await core.invoke('customers.list', {})
      expect(customers.ok && customers.data.map((c) => [c.name, c.email, c.vehicleCount])).toEqual([['Ada Fleet', 'ada@fleet.test', 1]])
      const vehicles = await core.invoke('vehicles.list', { search: 'ab-123' })
      expect(vehicles.ok && vehicles.data.map((v) => v.vin)).toEqual(['1HGCM82633A004352'])
      const miles = await core.db.selectFrom('odometer_readings').select('miles').execute()
      expect(miles).toEqual([{ miles: 1200 }])
      // The user's own settings and hours survive; only what was missing is filled in.
      const settings = await core.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow()
      expect(settings).toMatchObject({ shop_name: 'Old Shop', time_zone: 'Europe/Berlin', inspection_interval_months: 6, due_soon_days: 14 })
      const monday = await core.db.selectFrom('shop_hours').selectAll().where('weekday', '=', 1).executeTakeFirstOrThrow()
      expect(monday).toEqual({ weekday: 1, opens: '07:00', closes: '16:00' })
      expect(await core.db.selectFrom('shop_hours').select('weekday').execute()).toHaveLength(7)
    } finally {
      await core.close()
    }
  })

  it('give a new database its defaults on first start: settings, weekly hours, built-in inspections', async () => {
    const path = tempDb()
    const core = await createCore({ dbPath: path, log: silentLogger, timeZone: 'America/Chicago' })
    try {
      const s = await core.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow()
      expect(s).toMatchObject({
        time_zone: 'America/Chicago',
        inspection_interval_months: 4,
        horizon_months: 12,
        auto_schedule: 1,
        reminders_enabled: 1,
        reminder_days_before: 3,
        missed_grace_days: 1,
      })
      const hours = await core.db.selectFrom('shop_hours').selectAll().orderBy('weekday').execute()
      expect(hours.map((h) => [h.opens, h.closes])).toEqual([
        [null, null],
        ['08:00', '17:00'],
        ['08:00', '17:00'],
        ['08:00', '17:00'],
        ['08:00', '17:00'],
        ['08:00', '17:00'],
        ['08:00', '12:00'],
      ])
      const types = await core.db.selectFrom('activity_types').select(['name', 'builtin']).orderBy('id').execute()
      expect(types).toEqual([
        { name: 'Initial full inspection', builtin: 'initial' },
        { name: 'Minor inspection', builtin: 'minor' },
      ])
    } finally {
      await core.close()
    }
    // A second start adds nothing twice.
    const again = await createCore({ dbPath: path, log: silentLogger })
    try {
      expect(await again.db.selectFrom('activity_types').select('id').execute()).toHaveLength(2)
    } finally {
      await again.close()
    }
  })

  it('open the file in WAL mode with foreign keys enforced', async () => {
    const { sqlite, close } = openConnection({ path: tempDb() })
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    } finally {
      await close()
    }
  })
})
