import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, testVin, type TestCore } from '../../helpers/core'
import { openConnection } from '../../../electron/core/db/connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'
import { createCore } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { fixedClock } from '../../../electron/core/clock'

let core: TestCore
beforeEach(async () => {
  core = await testCore({ now: '2025-01-01T12:00:00Z' })
})
afterEach(() => core.dispose())

const names = async (search: string) => (await core.ok('customers.list', { search })).map((c) => c.name)

describe('search is Unicode-aware', () => {
  beforeEach(async () => {
    await core.ok('customers.create', { name: 'MÜLLER Logistik' })
    await core.ok('customers.create', { name: 'José Álvarez' })
    await core.ok('customers.create', { name: 'Straße Transport' })
    await core.ok('customers.create', { name: 'Jane Doe' })
  })

  it('finds a name whatever its case and accents', async () => {
    expect(await names('müller')).toEqual(['MÜLLER Logistik'])
    expect(await names('muller')).toEqual(['MÜLLER Logistik'])
    expect(await names('jose')).toEqual(['José Álvarez'])
    expect(await names('ALVAREZ')).toEqual(['José Álvarez'])
    expect(await names('strasse')).toEqual(['Straße Transport'])
  })

  it('finds a name stored composed (NFC) when typed decomposed (NFD), and the other way round', async () => {
    expect(await names('Jose\u0301'.normalize('NFD'))).toEqual(['José Álvarez'])
    await core.ok('customers.create', { name: 'Zoë Brandt'.normalize('NFD') })
    expect(await names('zoë'.normalize('NFC'))).toEqual(['Zoë Brandt'.normalize('NFD')])
  })

  it('finds vehicles by their owner and by make or model the same way, and calendar work too', async () => {
    const jose = (await core.ok('customers.list', { search: 'josé' }))[0]!
    await core.ok('vehicles.create', {
      customerId: jose.id,
      vin: testVin(1),
      make: 'Citroën',
      model: 'Berlingo',
      year: 2021,
      onboardingDate: '2025-01-01',
    })
    expect((await core.ok('vehicles.list', { search: 'JOSE' })).map((v) => v.make)).toEqual(['Citroën'])
    expect((await core.ok('vehicles.list', { search: 'citroen berl' })).map((v) => v.make)).toEqual(['Citroën'])
    const work = await core.ok('activities.range', { from: '2025-01-01', to: '2025-01-31', text: 'álvarez' })
    expect(work.length).toBeGreaterThan(0)
  })

  it('keeps the folded name in step when a customer is renamed', async () => {
    const doe = (await core.ok('customers.list', { search: 'doe' }))[0]!
    await core.ok('customers.update', { id: doe.id, name: 'Renée Dupont' })
    expect(await names('renee')).toEqual(['Renée Dupont'])
    expect(await names('doe')).toEqual([])
  })

  it('lists customers in alphabetical order with accented names among the plain ones', async () => {
    expect(await names('')).toEqual(['Jane Doe', 'José Álvarez', 'MÜLLER Logistik', 'Straße Transport'])
  })
})

describe('the search migration', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('folds the names already in a database made before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-fold-'))
    dirs.push(dir)
    const path = join(dir, 'shop.db')
    const old = openConnection({ path })
    await migrateToLatest(old.db, '2026-11-21-004-read-indexes')
    old.sqlite.exec(`
      insert into customers (name, created_at, updated_at) values ('Émile Zoltán', 't', 't');
      insert into vehicles (customer_id, vin, make, model, year, onboarding_date, created_at, updated_at)
        values (1, '1HGCM82633A004352', 'Škoda', 'Octavia', 2019, '2025-01-01', 't', 't');
    `)
    await old.close()
    const upgraded = await createCore({ dbPath: path, log: silentLogger, clock: fixedClock('2025-02-01T10:00:00Z') })
    try {
      const customers = await upgraded.invoke('customers.list', { search: 'emile' })
      expect(customers.ok && customers.data.map((c) => c.name)).toEqual(['Émile Zoltán'])
      const vehicles = await upgraded.invoke('vehicles.list', { search: 'skoda' })
      expect(vehicles.ok && vehicles.data.map((v) => v.model)).toEqual(['Octavia'])
    } finally {
      await upgraded.close()
    }
  })
})
