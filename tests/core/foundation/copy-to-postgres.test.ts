import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import SqliteDatabase from 'better-sqlite3'
import { copyToPostgres, MIGRATION_ROWS } from '../../../electron/core/db/copy-to-postgres'
import { createCore } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { testCore, testVin, type TestCore } from '../../helpers/core'
import { testDialect, urlFor, withAdmin } from '../../helpers/postgres'

const NOW = '2025-03-03T12:00:00.000Z'
const VEHICLES = 180

/**
 * A new, empty database on the test server (what `createdb` gives a shop), for the admin, or
 * owned by an ordinary user who may not switch triggers off (`createuser` + `createdb -O`).
 */
async function emptyDatabase(as: 'superuser' | 'owner'): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl } = inject('postgres')
  const name = `shop_copy_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin(adminUrl, async (c) => {
    if (as === 'owner') await c.query(`create role ${name} login password 'shop'`)
    await c.query(`create database ${name}${as === 'owner' ? ` owner ${name}` : ''}`)
  })
  const url = new URL(urlFor(adminUrl, name))
  if (as === 'owner') [url.username, url.password] = [name, 'shop']
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, async (c) => {
        await c.query(`drop database if exists ${name} with (force)`)
        await c.query(`drop role if exists ${name}`)
      }).then(() => undefined),
  }
}

/** A SQLite shop with planned and booked work, calendar sync rows, issued invites and queued email. */
async function seededShop(): Promise<TestCore> {
  // A file even in the postgres leg of the matrix: the shop being moved lives in SQLite.
  const core = await testCore({ now: NOW, timeZone: 'America/New_York', dbPath: join(mkdtempSync(join(tmpdir(), 'shop-copy-')), 'shop.db') })
  const db = core.db
  await db.updateTable('settings').set({ shop_name: "Joe's Garage", shop_email: 'desk@joes.example' }).execute()
  await db
    .insertInto('customers')
    .values(
      Array.from({ length: VEHICLES }, (_, i) => ({
        id: i + 1,
        name: `Customer ${i + 1} — “Ünïcode”`,
        email: `c${i + 1}@example.com`,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute()
  await db
    .insertInto('vehicles')
    .values(
      Array.from({ length: VEHICLES }, (_, i) => ({
        id: i + 1,
        customer_id: i + 1,
        vin: testVin(i + 1),
        make: 'Ford',
        model: 'Transit',
        year: 2015 + (i % 10),
        onboarding_date: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
        notes: i % 7 === 0 ? null : `Note ${i}\nsecond line`,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute()
  const plan = await core.ok('schedule.applyAll', {})
  expect(plan.add).toBeGreaterThan(VEHICLES)
  const bay = await db.insertInto('bays').values({ name: 'Bay 1', created_at: NOW }).returning('id').executeTakeFirstOrThrow()
  const planned = await db.selectFrom('activities').select(['id', 'version']).where('status', '=', 'scheduled').orderBy('id').limit(4).execute()
  for (const [i, a] of planned.entries()) {
    await core.ok('activities.book', { id: a.id, version: a.version, start: `2025-03-1${i}T14:00:00.000Z`, bayId: bay.id })
    await core.ok('invites.export', { activityId: a.id })
  }
  await core.ok('email.updateSettings', { host: '127.0.0.1', port: 9, security: 'none', username: null, fromAddress: 'desk@joes.example', fromName: 'Desk' })
  await core.ok('email.sendInvite', { activityId: planned[0]!.id })
  const account = await db
    .insertInto('sync_accounts')
    .values({ email: 'shop@example.com', status: 'connected', paused_deletes: null, created_at: NOW, updated_at: NOW, provider: 'google' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const calendar = await db
    .insertInto('sync_calendars')
    .values({ account_id: account.id, remote_id: 'shop-cal', summary: 'Shop', time_zone: 'America/New_York', role: 'shop', active: 1, created_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('sync_links')
    .values({
      activity_id: planned[1]!.id,
      calendar_id: calendar.id,
      remote_id: 'evt-1',
      generation: 1,
      state: 'live',
      etag: '"e1"',
      content_hash: 'h',
      updated_at: NOW,
    })
    .execute()
  await db
    .insertInto('sync_outbox')
    .values({ activity_id: planned[2]!.id, version: 3, queued_at: NOW, attempts: 2, last_error: 'timeout' })
    .onConflict((oc) => oc.doNothing())
    .execute()
  return core
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

const counts = (path: string) => {
  const db = new SqliteDatabase(path, { readonly: true })
  try {
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`).all() as {
      name: string
    }[]
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n]))
  } finally {
    db.close()
  }
}

describe.runIf(testDialect() === 'postgres')('copying a SQLite shop into an empty PostgreSQL database', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  it.each([
    ['superuser', true],
    ['owner', false],
  ] as const)(
    'as the %s: copies every table, proves counts and samples, the server then shows the same shop; a second copy is refused',
    async (as, triggersOff) => {
      const shop = await seededShop()
      cleanup.push(async () => {
        await shop.dispose()
        rmSync(dirname(shop.dbPath), { recursive: true, force: true })
      })
      const target = await emptyDatabase(as)
      cleanup.push(() => target.drop())
      const sqliteVehicles = await Promise.all([1, 2, 90, VEHICLES].map((id) => shop.ok('vehicles.get', { id })))
      // The desk keeps the file open while its shop is copied (the settings action does just that).
      const before = fileHash(shop.dbPath)
      const expected = counts(shop.dbPath)
      expect(expected.sync_outbox).toBeGreaterThan(0)
      expect(expected.email_outbox).toBeGreaterThan(0)
      expect(expected.invite_issues).toBe(4)

      const report = await copyToPostgres({ from: shop.dbPath, to: target.url, sample: 50 })
      expect(report.triggersOff).toBe(triggersOff)
      expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toEqual(expected)
      expect(report.tables.find((t) => t.table === 'activities')!.sampled).toBeGreaterThanOrEqual(100)
      expect(fileHash(shop.dbPath)).toBe(before)

      const server = await createCore({
        dbPath: '/nonexistent/unused.db',
        dbUrl: target.url,
        log: silentLogger,
        clock: shop.clock,
        timeZone: 'America/New_York',
      })
      cleanup.push(() => server.close())
      const invoke = async (channel: 'activities.range' | 'vehicles.get', input: object) => {
        const result = await server.invoke(channel, input as never)
        if (!result.ok) throw new Error(JSON.stringify(result.error))
        return result.data
      }
      expect(await Promise.all([1, 2, 90, VEHICLES].map((id) => invoke('vehicles.get', { id })))).toEqual(sqliteVehicles)
      const month = (db: typeof server.db) =>
        db.selectFrom('activities').selectAll().where('due_date', '>=', '2025-03-01').where('due_date', '<=', '2025-03-31').orderBy('id').execute()
      expect(await month(server.db)).toEqual(await month(shop.db))
      // The outbox holds the file's rows, not what triggers would have queued for each copied activity.
      const outbox = await server.db.selectFrom('sync_outbox').selectAll().orderBy('activity_id').execute()
      expect(outbox.length).toBe(expected.sync_outbox)
      // New rows get fresh ids past the copied ones.
      const created = await server.invoke('customers.create', { name: 'After the move' })
      expect(created.ok && created.data.id).toBe(VEHICLES + 1)

      const refused = await copyToPostgres({ from: shop.dbPath, to: target.url }).catch((error: unknown) => error as Error)
      expect(refused).toBeInstanceOf(Error)
      expect((refused as Error).message).toMatch(/is not empty: it already holds .*nothing was changed/)
      expect(
        await server.db
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual({ n: VEHICLES + 1 })
    },
  )

  it('counts a migrated database as empty while it holds only the migrations’ own default rows', async () => {
    const { adminUrl, template } = inject('postgres')
    await withAdmin(urlFor(adminUrl, template), async (c) => {
      const { rows } = await c.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`,
      )
      const filled: string[] = []
      for (const { name } of rows) {
        const { rows: n } = await c.query<{ n: string }>(`select count(*) as n from "${name}"`)
        if (Number(n[0]!.n) > 0) filled.push(name)
      }
      expect(filled.sort()).toEqual([...MIGRATION_ROWS].sort())
    })
  })
})
