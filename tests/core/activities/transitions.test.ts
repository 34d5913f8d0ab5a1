import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Activity, ActivityStatus } from '../../../shared/domain/activities'
import { openShop, planned, type Shop } from './fixture'

/** Rule 7 of DESIGN.md, written out here on purpose (not read from TRANSITIONS) so a wrong table fails. */
const ALLOWED: Array<[ActivityStatus, ActivityStatus]> = [
  ['scheduled', 'in_progress'],
  ['in_progress', 'completed'],
  ['scheduled', 'cancelled'],
  ['in_progress', 'cancelled'],
  ['scheduled', 'missed'],
  ['missed', 'scheduled'],
]
const STATUSES: ActivityStatus[] = ['scheduled', 'in_progress', 'completed', 'cancelled', 'missed']

describe('status transitions (rule 7)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop()))
  afterEach(() => shop.core.dispose())

  /** An activity in the given status, reached the way the app reaches it. */
  async function inStatus(status: ActivityStatus): Promise<Activity> {
    const { core } = shop
    let a = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-06' })
    if (status === 'in_progress' || status === 'completed') a = await core.ok('activities.start', { id: a.id, version: a.version })
    if (status === 'completed') a = await core.ok('activities.complete', { id: a.id, version: a.version, completedBy: 'Alex' })
    if (status === 'cancelled') a = await core.ok('activities.cancel', { id: a.id, version: a.version, reason: 'Sold the car' })
    if (status === 'missed') {
      const old = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-01' })
      await core.background.checkDayChange()
      // Nothing else was due; force the check to see a new day by moving the clock a day on.
      core.setNow('2025-03-06T15:00:00Z')
      await core.background.checkDayChange()
      a = await core.ok('activities.get', { id: old.id })
    }
    expect(a.status).toBe(status)
    return a
  }

  /** Asks for `to` through the channel that leads there. */
  async function request(a: Activity, to: ActivityStatus) {
    const { core } = shop
    const v = { id: a.id, version: a.version }
    switch (to) {
      case 'in_progress':
        return core.invoke('activities.start', v)
      case 'completed':
        return core.invoke('activities.complete', { ...v, completedBy: 'Alex' })
      case 'cancelled':
        return core.invoke('activities.cancel', { ...v, reason: 'No longer needed' })
      case 'scheduled':
        return core.invoke('activities.rebook', v)
      case 'missed':
        return null // only the core marks work missed; covered by missed.test.ts
    }
  }

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (from === to || to === 'missed') continue
      const allowed = ALLOWED.some(([f, t]) => f === from && t === to)
      it(`${allowed ? 'allows' : 'refuses'} ${from} -> ${to}`, async () => {
        const a = await inStatus(from)
        const result = await request(a, to)
        const after = await shop.core.ok('activities.get', { id: a.id })
        if (allowed) {
          expect(result?.ok).toBe(true)
          expect(after.status).toBe(to)
          expect(after.version).toBe(a.version + 1)
        } else {
          expect(result?.ok).toBe(false)
          if (result && !result.ok) {
            expect(result.error.code).toBe('invalid_transition')
            expect(result.error.message).toContain(from.replace('_', ' '))
            expect(result.error.message).toContain(to.replace('_', ' '))
          }
          expect(after.status).toBe(from)
          expect(after.version).toBe(a.version)
        }
      })
    }
  }

  it('the core itself moves scheduled work to missed, and nothing else', async () => {
    const { core } = shop
    const s = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-01' })
    const p = await inStatus('in_progress')
    core.setNow('2025-03-20T15:00:00Z')
    await core.background.checkDayChange()
    expect((await core.ok('activities.get', { id: s.id })).status).toBe('missed')
    expect((await core.ok('activities.get', { id: p.id })).status).toBe('in_progress')
  })
})
