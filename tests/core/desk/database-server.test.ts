import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { sql } from 'kysely'
import { createCore, type Core } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { fileDeskStore } from '../../../electron/core/desk/desk-store'
import { memorySecretStore } from '../../../electron/core/secrets/memory-secret-store'
import { chooseDatabase } from '../../../electron/core/database/database-choice'
import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import { freshDatabase, testDialect, withAdmin } from '../../helpers/postgres'
import { startWrongPasswordServer } from '../../helpers/fake-pg-auth'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** A desk on its local file, with its own desk file and secret store, as the app and the bridge build it. */
async function fileDesk() {
  const dir = mkdtempSync(join(tmpdir(), 'shop-desk-db-'))
  const desk = fileDeskStore(join(dir, 'desk.json'))
  const secrets = memorySecretStore()
  const dbPath = join(dir, 'shop.db')
  const core = await createCore({ dbPath, log: silentLogger, actor: 'tester', timeZone: 'UTC', env: {}, ports: { desk, secrets } })
  cleanup.push(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { core, desk, secrets, dbPath, deskFile: join(dir, 'desk.json'), ok: ok(core), refused: refused(core) }
}

const ok =
  (core: Core) =>
  async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> => {
    const result = await core.invoke(channel, input)
    if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
    return result.data as ChannelResult<C>
  }
const refused =
  (core: Core) =>
  async <C extends ChannelName>(channel: C, input: ChannelInput<C>) => {
    const result = await core.invoke(channel, input)
    if (result.ok) throw new Error(`${channel} answered ${JSON.stringify(result.data)}`)
    return result.error
  }

/** The form's fields for a database on the test server. */
function form(url: string, password = '') {
  const u = new URL(url)
  return { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: decodeURIComponent(u.username), password }
}

async function emptyDatabase() {
  const { adminUrl } = inject('postgres')
  const name = `shop_switch_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`))
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  cleanup.push(() => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined))
  return u.toString()
}

describe.runIf(testDialect() === 'postgres')('Settings → Database: choosing the shop’s server', () => {
  it('shows the local file in use and nothing chosen, so nothing changes at the next start', async () => {
    const d = await fileDesk()
    expect(await d.ok('database.server', {})).toEqual({
      inUse: { kind: 'file', path: d.dbPath },
      chosen: null,
      environment: null,
      restartNeeded: false,
      passwordProtection: 'memory',
    })
    expect(await chooseDatabase({ env: {}, desk: d.desk, secrets: d.secrets })).toEqual({})
  })

  it('tests a server with the clear reasons it cannot be used, changing nothing', async () => {
    const d = await fileDesk()
    const { adminUrl } = inject('postgres')
    const wrong = await startWrongPasswordServer()
    cleanup.push(() => wrong.close())
    expect(await d.ok('database.testServer', form(wrong.url, 'not-it'))).toMatchObject({
      ok: false,
      code: 'credentials',
      message: expect.stringMatching(/refused the user name or password/),
    })
    expect(await d.ok('database.testServer', { ...form(adminUrl), database: 'no_such_shop' })).toMatchObject({
      ok: false,
      code: 'no_database',
      message: expect.stringMatching(/has no such database/),
    })
    expect(await d.ok('database.testServer', { ...form(adminUrl), port: 1 })).toMatchObject({
      ok: false,
      code: 'unreachable',
      message: expect.stringMatching(/cannot be reached/),
    })

    const newer = await freshDatabase(inject('postgres'))
    cleanup.push(() => newer.drop())
    await withAdmin(newer.url, (c) => c.query(`insert into kysely_migration (name, timestamp) values ('2099-01-01-001-from-the-future', '2099-01-01')`))
    expect(await d.ok('database.testServer', form(newer.url))).toMatchObject({
      ok: false,
      code: 'newer_version',
      message: expect.stringMatching(/newer version of Shop Scheduler/),
    })

    const empty = await emptyDatabase()
    expect(await d.ok('database.testServer', form(empty))).toMatchObject({
      ok: true,
      empty: true,
      message: expect.stringMatching(/^Connected to PostgreSQL \d+/),
    })
    // A refused server is never kept.
    expect(await d.refused('database.useServer', form(wrong.url, 'not-it'))).toMatchObject({ code: 'cannot_open' })
    expect((await d.ok('database.server', {})).chosen).toBeNull()
  })

  it('keeps the chosen server in the desk file without its password, the password in the secret store, until the desk goes back to its file', async () => {
    const d = await fileDesk()
    const url = await emptyDatabase()
    const state = await d.ok('database.useServer', form(url, 'pw-123'))
    expect(state).toMatchObject({ inUse: { kind: 'file' }, chosen: { url, hasPassword: true }, restartNeeded: true })
    const file = readFileSync(d.deskFile, 'utf8')
    expect(JSON.parse(file)).toEqual({ worker: null, server: url })
    expect(file).not.toContain('pw-123')
    expect(await chooseDatabase({ env: {}, desk: d.desk, secrets: d.secrets })).toEqual({ dbUrl: url, dbPassword: 'pw-123' })
    // Choosing the worker keeps the server.
    await d.ok('desk.setWorker', { name: 'Maria' })
    expect(JSON.parse(readFileSync(d.deskFile, 'utf8'))).toEqual({ worker: 'Maria', server: url })

    expect(await d.ok('database.useFile', {})).toMatchObject({ chosen: null, restartNeeded: false })
    expect(await chooseDatabase({ env: {}, desk: d.desk, secrets: d.secrets })).toEqual({})
    expect(await d.secrets.get(`database-password:${url}`)).toBeNull()
  })

  it('copies the open file into an empty server, then the next start opens the server with the same shop; a second copy is refused', async () => {
    const d = await fileDesk()
    const customer = await d.ok('customers.create', { name: 'Vera Smith', email: 'vera@example.com' })
    const url = await emptyDatabase()
    const copied = await d.ok('database.copyToServer', form(url))
    expect(copied.rows).toBeGreaterThan(1)
    expect(copied.state).toMatchObject({ chosen: { url }, restartNeeded: true })
    // The desk still works on its file until it restarts.
    expect((await d.ok('customers.get', { id: customer.id })).name).toBe('Vera Smith')

    const next = await createCore({
      dbPath: d.dbPath,
      ...(await chooseDatabase({ env: {}, desk: d.desk, secrets: d.secrets })),
      log: silentLogger,
      env: {},
      ports: { desk: d.desk, secrets: d.secrets },
    })
    cleanup.push(() => next.close())
    expect(next.dialect).toBe('postgres')
    expect((await ok(next)('customers.get', { id: customer.id })).name).toBe('Vera Smith')
    expect(await ok(next)('database.server', {})).toMatchObject({ inUse: { kind: 'server', url }, restartNeeded: false })
    expect(await refused(next)('database.copyToServer', form(url))).toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/already uses a database server/),
    })

    const again = await d.refused('database.copyToServer', form(url))
    expect(again).toMatchObject({ code: 'refused', message: expect.stringMatching(/already holds a shop.*nothing was changed/) })
    const count = await sql<{ n: number }>`select count(*) as n from customers`.execute(next.db)
    expect(Number(count.rows[0]!.n)).toBe(1)
  })
})
