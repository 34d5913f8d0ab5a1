import { describe, expect, it } from 'vitest'
import { channelNames, dataDomains, readDependencies, readsShow } from '../../../shared/contract'
import { openShop } from '../activities/fixture'

describe('changed events name domains, and pages refresh only the reads that show them', () => {
  it('every channel group says which data its reads show, naming only known domains', () => {
    const groups = new Set(channelNames.map((c) => c.slice(0, c.indexOf('.'))))
    for (const group of groups) expect(Object.keys(readDependencies), group).toContain(group)
    for (const deps of Object.values(readDependencies)) for (const d of deps) expect(dataDomains).toContain(d)
  })

  it('a shop-hours change refreshes free slots and the re-plan preview, not the customer list', () => {
    expect(readsShow('activities', ['hours'])).toBe(true)
    expect(readsShow('schedule', ['hours'])).toBe(true)
    expect(readsShow('customers', ['hours'])).toBe(false)
    expect(readsShow('vehicles', ['activities'])).toBe(true)
    expect(readsShow('bays', ['activities'])).toBe(false)
    expect(readsShow('some-new-group', ['hours'])).toBe(true) // unknown reads refresh rather than go stale
  })

  it('a booking names the activity it changed; a customer edit names its domain', async () => {
    const shop = await openShop()
    const { core } = shop
    const seen: unknown[] = []
    core.events.on('changed', (e) => seen.push(e))
    const work = await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: '2025-03-10T14:00:00Z',
      bayId: shop.bay1,
      technicianId: shop.alex,
    })
    await core.ok('activities.book', { id: work.id, version: work.version, start: '2025-03-10T16:00:00Z' })
    await core.ok('customers.update', { id: shop.customerId, name: 'Jane Roe' })
    expect(seen).toEqual([
      { domains: ['activities'], ids: { activities: [work.id] } },
      { domains: ['activities'], ids: { activities: [work.id] } },
      { domains: ['customers', 'vehicles'] },
    ])
    await shop.core.dispose()
  })
})
