import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'

describe('activity types', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('come with the two built-in inspections, which cannot be deleted or deactivated', async () => {
    const types = await core.ok('activityTypes.list', {})
    const initial = types.find((t) => t.builtin === 'initial')!
    const minor = types.find((t) => t.builtin === 'minor')!
    expect(initial.name).toBe('Initial full inspection')
    expect(minor.name).toBe('Minor inspection')
    for (const t of [initial, minor]) {
      const err = await core.refused('activityTypes.delete', { id: t.id })
      expect(err.code).toBe('refused')
      expect(err.message).toContain(t.name)
    }
    const off = await core.refused('activityTypes.update', { ...minor, active: false })
    expect(off.code).toBe('refused')
    // Renaming or a new duration is fine.
    expect((await core.ok('activityTypes.update', { ...minor, durationMinutes: 45 })).durationMinutes).toBe(45)
    expect((await core.ok('activityTypes.list', {})).filter((t) => t.builtin).length).toBe(2)
  })

  it('refuses a duplicate name and deletes an unused type', async () => {
    const oil = await core.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 30 })
    expect((await core.refused('activityTypes.create', { name: 'oil change', category: 'maintenance', durationMinutes: 30 })).code).toBe('duplicate')
    await core.ok('activityTypes.delete', { id: oil.id })
    expect((await core.ok('activityTypes.list', {})).some((t) => t.id === oil.id)).toBe(false)
  })

  it('refuses to delete a type in use and offers deactivation', async () => {
    const oil = await core.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 30 })
    await core.ok('templates.create', { activityTypeId: oil.id, intervalMonths: 3 })
    const err = await core.refused('activityTypes.delete', { id: oil.id })
    expect(err.code).toBe('refused')
    expect(err.message).toMatch(/1 template/)
    expect(err.message).toMatch(/deactivate/)
    const off = await core.ok('activityTypes.update', { ...oil, active: false })
    expect(off.active).toBe(false)
    expect((await core.ok('activityTypes.list', {})).some((t) => t.id === oil.id)).toBe(false)
    expect((await core.ok('activityTypes.list', { includeInactive: true })).some((t) => t.id === oil.id)).toBe(true)
  })
})

describe('maintenance templates', () => {
  let core: TestCore
  beforeEach(async () => (core = await testCore()))
  afterEach(() => core.dispose())

  it('need at least one interval', async () => {
    const oil = await core.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 30 })
    const err = await core.refused('templates.create', { activityTypeId: oil.id })
    expect(err.code).toBe('invalid_input')
    expect(err.message).toMatch(/at least one interval/i)
    const t = await core.ok('templates.create', { activityTypeId: oil.id, intervalMonths: 6, intervalMiles: 5000 })
    expect(t).toMatchObject({
      typeName: 'Oil change',
      category: 'maintenance',
      intervalMonths: 6,
      intervalMiles: 5000,
      intervalDays: null,
      anchor: 'onboarding',
      active: true,
    })
    const cleared = await core.refused('templates.update', { id: t.id, activityTypeId: oil.id, active: true })
    expect(cleared.code).toBe('invalid_input')
  })

  it('refuse an unknown or inactive type, update, deactivate and delete', async () => {
    expect((await core.refused('templates.create', { activityTypeId: 999, intervalDays: 90 })).issues?.[0]?.path).toBe('activityTypeId')
    const tires = await core.ok('activityTypes.create', { name: 'Tire rotation', category: 'maintenance', durationMinutes: 45 })
    const t = await core.ok('templates.create', { activityTypeId: tires.id, intervalMonths: 6 })
    const u = await core.ok('templates.update', { id: t.id, activityTypeId: tires.id, intervalDays: 180, anchor: 'last_completed', active: false })
    expect(u).toMatchObject({ intervalMonths: null, intervalDays: 180, anchor: 'last_completed', active: false })
    expect(await core.ok('templates.list', {})).toEqual([])
    await core.ok('templates.delete', { id: t.id })
    expect(await core.ok('templates.list', { includeInactive: true })).toEqual([])
    await core.ok('activityTypes.update', { ...tires, active: false })
    expect((await core.refused('templates.create', { activityTypeId: tires.id, intervalDays: 90 })).message).toMatch(/inactive/)
  })
})
