import { afterEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { desksOnOneDatabase, type Desk, type Desks } from '../../helpers/desks'
import { testDialect } from '../../helpers/postgres'
import { insertVehicle } from './fixture'

const CHILD = 'tests/core/desks/desk-process.ts'

/** Starts a desk in its own process on `url`; resolves once it runs the background work. */
function deskProcess(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The desk process ended (${code}) before it ran background work`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('background ')) resolve(child)
    })
  })
}

const until = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.runIf(testDialect() === 'postgres')('two desks on one server: background work on exactly one', () => {
  let shop: Desks
  let child: ChildProcess | null = null
  afterEach(async () => {
    child?.kill('SIGKILL')
    await shop?.dispose()
  })

  it('runs background work on one desk only, and on the other within 30 s of the first being killed', { timeout: 90_000 }, async () => {
    shop = await desksOnOneDatabase(0)
    child = await deskProcess(shop.url)
    const desk = await shop.open()

    // The killed desk runs it, this one does not, and says who does.
    const before = await desk.services.background()
    expect(before.here).toBe(false)
    expect(before.desk).toContain(`pid ${child.pid}`)

    // Work missed ten days ago, written after the first desk's start-of-day check: only a desk
    // starting background work marks it now (the first desk would only at its next day change).
    const customer = await desk.ok('customers.create', { name: 'Jane Doe' })
    const vehicleId = await insertVehicle(desk, customer.id)
    const type = await desk.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })
    const day = new Date(Date.now() - 10 * 86_400_000)
    const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10)).toISOString()
    const now = new Date().toISOString()
    const { id } = await desk.db
      .insertInto('activities')
      .values({
        vehicle_id: vehicleId,
        activity_type_id: type.id,
        origin: 'manual',
        template_id: null,
        occurrence_index: null,
        occurrence_key: null,
        due_date: start.slice(0, 10),
        start_at: start,
        end_at: new Date(Date.parse(start) + 3_600_000).toISOString(),
        bay_id: null,
        technician_id: null,
        pinned: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const status = async () => (await desk.db.selectFrom('activities').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
    expect(await status()).toBe('scheduled')

    const killedAt = Date.now()
    child.kill('SIGKILL')
    await until('this desk runs background work', async () => (await desk.services.background()).here, 30_000)
    const tookOverMs = Date.now() - killedAt
    await until('the missed work is marked here', async () => (await status()) === 'missed', 30_000 - tookOverMs)
    const markedMs = Date.now() - killedAt
    expect(markedMs).toBeLessThan(30_000)
    // Marked once, by the one desk running the service: one entry in the activity's log.
    const entries = await desk.db.selectFrom('activity_log').select('action').where('activity_id', '=', id).where('action', '=', 'missed').execute()
    expect(entries).toHaveLength(1)
    console.info(`Desk killed: the other desk took the background work over after ${tookOverMs} ms and marked the missed work after ${markedMs} ms`)
    expect((await desk.services.background()).desk).not.toBeNull()
  })

  it('hands background work to the other desk when its desk quits', { timeout: 60_000 }, async () => {
    shop = await desksOnOneDatabase(2)
    const [a, b] = shop.desks as [Desk, Desk]
    expect([(await a.services.background()).here, (await b.services.background()).here]).toEqual([true, false])
    const quitAt = Date.now()
    await a.close()
    await until('the second desk runs background work', async () => (await b.services.background()).here, 30_000)
    console.info(`Desk quit: the other desk took the background work over after ${Date.now() - quitAt} ms`)
  })
})
