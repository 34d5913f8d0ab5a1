import { afterEach, expect, test } from 'vitest'
import type { StaffNotice } from '../../../shared/domain/email'
import { NOTICES_SERVICE, type NoticesService } from '../../../electron/core/notices/service'
import { testCore } from '../../helpers/core'
import { makeShop, type Shop } from '../invites/fixtures'
import { bookedActivity, move } from '../email/support'

const shops: Shop[] = []
afterEach(async () => {
  for (const s of shops.splice(0)) await s.core.dispose()
})

const noticesOf = (shop: Shop): NoticesService => {
  const service = shop.core.services.get<NoticesService>(NOTICES_SERVICE)
  if (!service) throw new Error('The staff notices service is not registered')
  return service
}

function collect(shop: Shop): StaffNotice[] {
  const seen: StaffNotice[] = []
  shop.core.events.on('notice', (n) => seen.push(n))
  return seen
}

test('a booking is announced 1 day and 1 hour before, each once, and never again after a restart', async () => {
  const shop = await makeShop({ now: '2025-03-09T14:00:00Z' })
  shops.push(shop)
  const seen = collect(shop)
  const id = await bookedActivity(shop, '2025-03-10T13:00:00.000Z')
  const notices = noticesOf(shop)
  await notices.checkNow()
  expect(seen.map((n) => [n.kind, n.activityId, n.title])).toEqual([['day_before', id, 'Tomorrow: Minor inspection']])
  expect(seen[0]!.body).toBe('Mon 9:00 AM · Toyota Corolla (ABC 123) · Vera Smith · Bay 2')
  await notices.checkNow()
  expect(seen).toHaveLength(1)

  shop.core.setNow('2025-03-10T12:15:00Z')
  await notices.checkNow()
  expect(seen.map((n) => n.kind)).toEqual(['day_before', 'hour_before'])

  // A restart: the same states do not fire again.
  await shop.core.close()
  const again = await testCore({ dbPath: shop.core.dbPath, now: '2025-03-10T12:20:00Z' })
  const reopened = { ...shop, core: again }
  shops.push(reopened)
  const after = collect(reopened)
  await noticesOf(reopened).checkNow()
  expect(after).toHaveLength(0)

  // Moved: a new state, announced again.
  await move(reopened, id, '2025-03-10T13:15:00.000Z')
  await noticesOf(reopened).checkNow()
  expect(after.map((n) => n.kind)).toEqual(['hour_before'])
})

test('work that just became missed is announced once; the settings turn kinds off', async () => {
  const shop = await makeShop({ now: '2025-03-10T12:00:00Z' })
  shops.push(shop)
  const seen = collect(shop)
  await shop.core.ok('notices.updateSettings', { dayBefore: false, hourBefore: true, missed: true })
  await bookedActivity(shop, '2025-03-11T13:00:00.000Z')
  const id = await bookedActivity(shop, '2025-03-10T14:00:00.000Z')
  await noticesOf(shop).checkNow()
  expect(seen).toHaveLength(0)

  // The day ends, the grace day passes: the booking is missed.
  shop.core.setNow('2025-03-12T12:00:00Z')
  await shop.core.background.checkDayChange()
  await noticesOf(shop).checkNow()
  expect(seen.map((n) => [n.kind, n.activityId, n.title])).toEqual([['missed', id, 'Missed: Minor inspection']])
  await noticesOf(shop).checkNow()
  expect(seen).toHaveLength(1)
  expect(await shop.core.ok('notices.settings', {})).toEqual({ dayBefore: false, hourBefore: true, missed: true })
})
