import { afterEach, expect, test } from 'vitest'
import { addActivity, makeShop, type Shop } from './fixtures'

let shop: Shop | undefined
afterEach(async () => {
  await shop?.core.dispose()
  shop = undefined
})

const booking = { due: '2025-03-10', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' }

test('no customer email, no invite: the refusal says so, and nothing is recorded as sent', async () => {
  shop = await makeShop({ customerEmail: null })
  const id = await addActivity(shop, booking)
  const error = await shop.core.refused('invites.export', { activityId: id })
  expect(error.code).toBe('refused')
  expect(error.message).toMatch(/Vera Smith has no email address/)
  const status = await shop.core.ok('invites.status', { activityId: id })
  expect(status).toMatchObject({ state: 'never_sent', next: null })
  expect(status.refusal).toBe(error.message)
})

test('no booking, no timed invite (an all-day reminder of the due date is what it can send)', async () => {
  shop = await makeShop()
  const id = await addActivity(shop, { due: '2025-03-10' })
  const error = await shop.core.refused('invites.export', { activityId: id, as: 'timed' })
  expect(error.code).toBe('refused')
  expect(error.message).toMatch(/Not booked yet/)
  expect((await shop.core.ok('invites.status', { activityId: id })).state).toBe('never_sent')
  expect((await shop.core.ok('invites.export', { activityId: id })).kind).toBe('all_day')
})

test('completed or missed work gets no invite', async () => {
  shop = await makeShop()
  const done = await addActivity(shop, { ...booking, status: 'completed' })
  expect((await shop.core.refused('invites.export', { activityId: done })).message).toMatch(/completed/)
  // Same slot, no bay: one bay cannot hold both (PostgreSQL's exclusion constraint refuses it).
  const missed = await addActivity(shop, { ...booking, status: 'missed', bay: false })
  expect((await shop.core.refused('invites.export', { activityId: missed })).message).toMatch(/missed/)
})

test('a shop without an email cannot be the organizer', async () => {
  shop = await makeShop()
  await shop.core.db.updateTable('settings').set({ shop_email: null }).execute()
  const id = await addActivity(shop, booking)
  const error = await shop.core.refused('invites.export', { activityId: id })
  expect(error).toMatchObject({ code: 'refused' })
  expect(error.message).toMatch(/shop has no email/)
})

test('unknown activities and bad input are answered as data', async () => {
  shop = await makeShop()
  expect((await shop.core.refused('invites.export', { activityId: 999 })).code).toBe('not_found')
  expect((await shop.core.refused('invites.status', { activityId: 999 })).code).toBe('not_found')
  expect((await shop.core.refused('invites.exportVehicle', { vehicleId: 999 })).code).toBe('not_found')
  const backwards = await shop.core.refused('invites.exportRange', { from: '2025-03-10', to: '2025-03-01' })
  expect(backwards).toMatchObject({ code: 'invalid_input', issues: [{ path: 'to' }] })
  expect((await shop.core.refused('invites.exportRange', { from: '2025-02-30', to: '2025-03-01' })).code).toBe('invalid_input')
})
