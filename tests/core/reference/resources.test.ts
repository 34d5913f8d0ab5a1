import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'

describe('bays and technicians', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('lists bays in order, hides inactive ones unless asked, refuses a duplicate name', async () => {
    const b1 = await core.ok('bays.create', { name: 'Bay 1' })
    const b2 = await core.ok('bays.create', { name: 'Bay 2' })
    expect(b2.sortOrder).toBeGreaterThan(b1.sortOrder)
    const dup = await core.refused('bays.create', { name: 'bay 1' })
    expect(dup.code).toBe('duplicate')
    await core.ok('bays.update', { id: b1.id, name: 'Bay 1', active: false })
    expect((await core.ok('bays.list', {})).map((b) => b.name)).toEqual(['Bay 2'])
    expect((await core.ok('bays.list', { includeInactive: true })).map((b) => b.name)).toEqual(['Bay 1', 'Bay 2'])
  })

  it('creates and deactivates technicians', async () => {
    const t = await core.ok('technicians.create', { name: 'Alex Moreno', email: 'ALEX@shop.test' })
    expect(t).toMatchObject({ name: 'Alex Moreno', email: 'alex@shop.test', active: true })
    await core.ok('technicians.update', { id: t.id, name: 'Alex Moreno', email: null, active: false })
    expect(await core.ok('technicians.list', {})).toEqual([])
    expect((await core.refused('technicians.update', { id: 999, name: 'X', email: null, active: true })).code).toBe('not_found')
  })
})

describe('closures', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('records shop, bay and technician closures and lists those overlapping a range', async () => {
    const bay = await core.ok('bays.create', { name: 'Bay 2' })
    const tech = await core.ok('technicians.create', { name: 'Sam' })
    await core.ok('closures.create', { startsOn: '2025-12-25', endsOn: '2025-12-26', scope: 'shop', reason: 'Christmas' })
    const bc = await core.ok('closures.create', { startsOn: '2025-12-01', endsOn: '2025-12-03', scope: 'bay', bayId: bay.id })
    expect(bc).toMatchObject({ scope: 'bay', bayId: bay.id, technicianId: null, resourceName: 'Bay 2' })
    // A stray bay id on a technician closure is dropped, not stored.
    const tc = await core.ok('closures.create', {
      startsOn: '2026-01-05',
      endsOn: '2026-01-09',
      scope: 'technician',
      technicianId: tech.id,
      bayId: bay.id,
    })
    expect(tc).toMatchObject({ bayId: null, technicianId: tech.id, resourceName: 'Sam' })

    const dec = await core.ok('closures.list', { from: '2025-12-02', to: '2025-12-25' })
    expect(dec.map((c) => c.startsOn)).toEqual(['2025-12-01', '2025-12-25'])
    await core.ok('closures.delete', { id: bc.id })
    expect((await core.ok('closures.list', {})).length).toBe(2)
    expect((await core.refused('closures.delete', { id: bc.id })).code).toBe('not_found')
  })

  it('refuses a range that ends before it starts, or a bay closure without its bay', async () => {
    expect((await core.refused('closures.create', { startsOn: '2025-12-05', endsOn: '2025-12-01', scope: 'shop' })).code).toBe('invalid_input')
    const err = await core.refused('closures.create', { startsOn: '2025-12-01', endsOn: '2025-12-01', scope: 'bay' })
    expect(err.issues?.[0]?.path).toBe('bayId')
    expect((await core.refused('closures.create', { startsOn: '2025-12-01', endsOn: '2025-12-01', scope: 'bay', bayId: 42 })).code).toBe('not_found')
  })
})
