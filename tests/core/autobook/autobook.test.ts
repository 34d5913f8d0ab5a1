import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openShop, planned, type Shop } from '../activities/fixture'
import { checkProposal } from '../../helpers/autobook-checker'
import { testVin } from '../../helpers/core'
import type { AutobookProposal, ProposedBooking } from '../../../shared/domain/autobook'

// 2025-03-05 is a Wednesday; 15:00Z is 10:00 in New York. Default hours: Mon–Fri 08–17, Sat 08–12.
const NOW = '2025-03-05T15:00:00Z'
let shop: Shop
beforeEach(async () => {
  shop = await openShop({ now: NOW })
})
afterEach(async () => {
  await shop.core.dispose()
})

const propose = (from = '2025-03-05', to = '2025-03-08') => shop.core.ok('autobook.propose', { from, to })
const asItems = (list: ProposedBooking[]) =>
  list.map((p) => ({ activityId: p.activityId, version: p.version, start: p.start, end: p.end, bayId: p.bayId, technicianId: p.technicianId }))
const violations = (p: AutobookProposal) => checkProposal(shop.core.db, p.items, { now: shop.core.clock.now() })
const local = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso))

describe('autobook.propose', () => {
  it('places overdue work first, from the next quarter hour, in free bays and technicians, and writes nothing', async () => {
    const late = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const soon = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-07' })
    const p = await propose()
    expect(p.items.map((i) => i.activityId)).toEqual([late.id, soon.id])
    const [first, second] = p.items
    expect(first!.overdue).toBe(true)
    expect(local(first!.start)).toBe('2025-03-05, 10:00')
    // The second goes beside it in the other bay, with the other technician: both are free.
    expect(local(second!.start)).toBe('2025-03-05, 10:00')
    expect(new Set([first!.bayId, second!.bayId])).toEqual(new Set([shop.bay1, shop.bay2]))
    expect(p.perDay.find((d) => d.day === '2025-03-05')).toEqual({ day: '2025-03-05', count: 2, minutes: 120 })
    expect(p.notPlaced).toEqual([])
    expect(await violations(p)).toEqual([])
    expect((await shop.core.ok('activities.get', { id: late.id })).start).toBeNull()
  })

  it("keeps a buffer between different vehicles in one bay, and books one vehicle's work due within days as one visit", async () => {
    await shop.core.ok('bays.update', { id: shop.bay2, name: 'Bay 2', active: false })
    await shop.core.ok('autobook.updateSettings', { bufferMinutes: 30, groupDays: 3 })
    const a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const b = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-07' })
    const c = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-06' })
    const p = await propose()
    const at = (id: number) => p.items.find((i) => i.activityId === id)!
    // One visit: back to back, one bay, one visit number.
    expect(at(b.id).start).toBe(at(a.id).end)
    expect(at(a.id).visit).toBe(at(b.id).visit)
    expect(at(a.id).bayId).toBe(shop.bay1)
    // The next vehicle waits the buffer after the visit ends (10:00 + 60 + 90 = 12:30, + 30).
    expect(local(at(c.id).start)).toBe('2025-03-05, 13:00')
    expect(await violations(p)).toEqual([])
  })

  it('gives work only to technicians who do its category, and says why work no one does is not placed', async () => {
    await shop.core.ok('autobook.setTechnicianCategories', { technicianId: shop.alex, categories: ['repair'] })
    await shop.core.ok('autobook.setTechnicianCategories', { technicianId: shop.sam, categories: ['maintenance'] })
    const inspection = await shop.core.ok('activityTypes.create', { name: 'Safety inspection', category: 'inspection', durationMinutes: 30 })
    const oil = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-06' })
    const brakes = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-06' })
    const insp = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: inspection.id, dueDate: '2025-03-20' })
    const p = await propose('2025-03-05', '2025-03-21')
    expect(p.items.find((i) => i.activityId === oil.id)!.technicianId).toBe(shop.sam)
    expect(p.items.find((i) => i.activityId === brakes.id)!.technicianId).toBe(shop.alex)
    expect(p.notPlaced).toEqual([
      expect.objectContaining({ activityId: insp.id, reason: expect.stringContaining('No active technician does inspection work') }),
    ])
    expect(await violations(p)).toEqual([])
  })

  it('leaves out closed days, closed bays, away technicians and taken time', async () => {
    await shop.core.ok('closures.create', { startsOn: '2025-03-05', endsOn: '2025-03-05', scope: 'shop', reason: 'Inventory' })
    await shop.core.ok('closures.create', { startsOn: '2025-03-06', endsOn: '2025-03-06', scope: 'bay', bayId: shop.bay1 })
    await shop.core.ok('closures.create', { startsOn: '2025-03-06', endsOn: '2025-03-06', scope: 'technician', technicianId: shop.alex })
    await shop.core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.oil,
      start: '2025-03-06T08:00:00-05:00',
      bayId: shop.bay2,
      technicianId: shop.sam,
    })
    const w = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const p = await propose()
    const item = p.items.find((i) => i.activityId === w.id)!
    // Bay 2 and Sam after the 08:00 booking and the 15-minute default buffer.
    expect(local(item.start)).toBe('2025-03-06, 09:15')
    expect(item).toMatchObject({ bayId: shop.bay2, technicianId: shop.sam })
    expect(await violations(p)).toEqual([])
  })

  it('books work no more than the grouping days before it is due', async () => {
    await shop.core.ok('autobook.updateSettings', { groupDays: 2 })
    const w = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-14' })
    const p = await propose('2025-03-05', '2025-03-14')
    expect(local(p.items.find((i) => i.activityId === w.id)!.start)).toBe('2025-03-12, 08:00')
  })

  it('says what does not fit', async () => {
    const long = await shop.core.ok('activityTypes.create', { name: 'Engine rebuild', category: 'repair', durationMinutes: 11 * 60 })
    const w = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: long.id, dueDate: '2025-03-06' })
    const p = await propose()
    expect(p.notPlaced).toEqual([expect.objectContaining({ activityId: w.id, reason: 'It takes 11 h, longer than any open day in the range.' })])
  })

  it('refuses a bad range and changes nothing', async () => {
    expect((await shop.core.refused('autobook.propose', { from: '2025-03-08', to: '2025-03-05' })).code).toBe('invalid_input')
    expect((await shop.core.refused('autobook.propose', { from: '2025-03-01', to: '2025-06-01' })).message).toContain('at most 42 days')
    expect((await shop.core.refused('autobook.accept', { items: [] })).code).toBe('invalid_input')
    expect((await shop.core.refused('autobook.updateSettings', { bufferMinutes: -5 })).code).toBe('invalid_input')
    expect((await shop.core.refused('autobook.setTechnicianCategories', { technicianId: shop.alex, categories: [] })).code).toBe('invalid_input')
  })

  it('passes the independent check on a busy random shop', async () => {
    const bay3 = await shop.core.ok('bays.create', { name: 'Bay 3' })
    await shop.core.ok('closures.create', { startsOn: '2025-03-10', endsOn: '2025-03-10', scope: 'bay', bayId: bay3.id })
    await shop.core.ok('autobook.setTechnicianCategories', { technicianId: shop.alex, categories: ['repair', 'inspection'] })
    let seed = 7
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const customer = await shop.core.ok('customers.create', { name: 'Fleet Co' })
    for (let v = 0; v < 40; v++) {
      const vehicle = await shop.core.ok('vehicles.create', {
        customerId: customer.id,
        vin: testVin(100 + v),
        make: 'Ford',
        model: 'F-150',
        year: 2018,
        onboardingDate: '2025-01-02',
      })
      for (let j = 0; j < 2; j++) {
        await planned(shop.core, {
          vehicleId: vehicle.id,
          activityTypeId: rand(2) ? shop.oil : shop.brakes,
          dueDate: `2025-03-${String(3 + rand(14)).padStart(2, '0')}`,
        })
      }
    }
    const p = await propose('2025-03-05', '2025-03-18')
    expect(p.items.length).toBeGreaterThan(40)
    expect(p.items.length + p.notPlaced.length).toBe(80)
    expect(await violations(p)).toEqual([])
    // Earliest due first: nothing overdue is left out while later work got a place.
    expect(p.notPlaced.filter((n) => n.overdue)).toEqual([])

    // The checker is not a rubber stamp: a double booking, a closed bay and a late end are each caught.
    const [x, y] = p.items
    const broken = [
      { ...x!, start: y!.start, end: new Date(Date.parse(y!.start) + (Date.parse(x!.end) - Date.parse(x!.start))).toISOString(), bayId: y!.bayId },
      y!,
    ]
    expect((await checkProposal(shop.core.db, broken, { now: shop.core.clock.now() })).join('\n')).toMatch(/overlaps/)
    const closedBay = [
      {
        ...x!,
        start: '2025-03-10T13:00:00.000Z',
        end: new Date(Date.parse('2025-03-10T13:00:00.000Z') + Date.parse(x!.end) - Date.parse(x!.start)).toISOString(),
        bayId: bay3.id,
      },
    ]
    expect((await checkProposal(shop.core.db, closedBay, { now: shop.core.clock.now() })).join('\n')).toMatch(/bay closure/)
    const late = [
      {
        ...x!,
        start: '2025-03-11T21:30:00.000Z',
        end: new Date(Date.parse('2025-03-11T21:30:00.000Z') + Date.parse(x!.end) - Date.parse(x!.start)).toISOString(),
      },
    ]
    expect((await checkProposal(shop.core.db, late, { now: shop.core.clock.now() })).join('\n')).toMatch(/after closing/)
  })
})

describe('autobook.accept and undo', () => {
  it('books the chosen ones, logs each, skips a clash that appeared meanwhile, and undoes exactly what it booked', async () => {
    const a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const b = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const p = await propose()
    const pa = p.items.find((i) => i.activityId === a.id)!
    const pb = p.items.find((i) => i.activityId === b.id)!
    // Meanwhile the desk books other work into b's bay and technician at b's time.
    const other = await shop.core.ok('vehicles.create', {
      customerId: shop.customerId,
      vin: testVin(50),
      make: 'Kia',
      model: 'Soul',
      year: 2017,
      onboardingDate: '2025-01-02',
    })
    await shop.core.ok('activities.createManual', {
      vehicleId: other.id,
      activityTypeId: shop.oil,
      start: pb.start,
      bayId: pb.bayId,
      technicianId: pb.technicianId,
    })

    const result = await shop.core.ok('autobook.accept', { items: asItems([pa, pb]) })
    expect(result.booked).toEqual([a.id])
    expect(result.skipped).toEqual([{ activityId: b.id, reason: expect.stringMatching(/booked|buffer/) }])
    expect(result.undoToken).toEqual(expect.any(String))
    const booked = await shop.core.ok('activities.get', { id: a.id })
    expect(booked).toMatchObject({ start: pa.start, bayId: pa.bayId, technicianId: pa.technicianId })
    expect((await shop.core.ok('activities.get', { id: b.id })).start).toBeNull()
    const log = await shop.core.db.selectFrom('activity_log').selectAll().where('activity_id', '=', a.id).execute()
    expect(log.map((l) => [l.action, l.message])).toContainEqual(['booked', 'Auto-booked (Fill the week)'])

    // Accepting the same proposal again books nothing twice.
    const again = await shop.core.ok('autobook.accept', { items: asItems([pa]) })
    expect(again).toMatchObject({ booked: [], undoToken: null })

    expect(await shop.core.ok('autobook.lastRun', {})).toMatchObject({ token: result.undoToken, count: 1 })
    const undone = await shop.core.ok('autobook.undo', { token: result.undoToken! })
    expect(undone).toEqual({ removed: [a.id], kept: [] })
    const after = await shop.core.db.selectFrom('activities').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow()
    expect(after).toMatchObject({ start_at: null, bay_id: null, technician_id: null, pinned: 0 })
    expect(await shop.core.ok('autobook.lastRun', {})).toBeNull()
    expect((await shop.core.refused('autobook.undo', { token: result.undoToken! })).code).toBe('refused')
  })

  it('undo leaves a booking someone moved since, and says so', async () => {
    const a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const b = await planned(shop.core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const p = await propose()
    const { undoToken } = await shop.core.ok('autobook.accept', { items: asItems(p.items) })
    const moved = await shop.core.ok('activities.get', { id: b.id })
    await shop.core.ok('activities.book', { id: b.id, version: moved.version, start: '2025-03-07T09:00:00-05:00' })
    const undone = await shop.core.ok('autobook.undo', { token: undoToken! })
    expect(undone.removed).toEqual([a.id])
    expect(undone.kept).toEqual([{ activityId: b.id, reason: expect.stringContaining('changed') }])
    expect((await shop.core.ok('activities.get', { id: b.id })).start).not.toBeNull()
  })

  it('refuses a proposal that breaks a rule it did not come from (wrong length, wrong technician) and books nothing for it', async () => {
    await shop.core.ok('autobook.setTechnicianCategories', { technicianId: shop.alex, categories: ['repair'] })
    const a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const base = { activityId: a.id, version: a.version, bayId: shop.bay1 }
    const r = await shop.core.ok('autobook.accept', {
      items: [
        { ...base, start: '2025-03-06T09:00:00-05:00', end: '2025-03-06T09:30:00-05:00', technicianId: shop.sam },
        { ...base, start: '2025-03-06T09:00:00-05:00', end: '2025-03-06T10:00:00-05:00', technicianId: shop.alex },
        { ...base, start: '2025-03-04T09:00:00-05:00', end: '2025-03-04T10:00:00-05:00', technicianId: shop.sam },
      ],
    })
    expect(r.booked).toEqual([])
    expect(r.skipped.map((s) => s.reason)).toEqual([
      expect.stringContaining('takes 60 minutes'),
      expect.stringContaining('does not do maintenance'),
      expect.stringContaining('already passed'),
    ])
    expect((await shop.core.refused('autobook.undo', { token: 'nope' })).code).toBe('not_found')
  })
})

describe('autobook.capacity', () => {
  it('per day: open, booked and free hours per bay and technician, idle and closed marked, due unbooked beside', async () => {
    await shop.core.ok('closures.create', { startsOn: '2025-03-07', endsOn: '2025-03-07', scope: 'bay', bayId: shop.bay2 })
    await shop.core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.brakes,
      start: '2025-03-06T08:00:00-05:00',
      bayId: shop.bay1,
      technicianId: shop.alex,
    })
    await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-06' })
    await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-04' })
    const r = await shop.core.ok('autobook.capacity', { from: '2025-03-06', to: '2025-03-09' })
    const thu = r.days.find((d) => d.day === '2025-03-06')!
    expect(thu.bays.find((b) => b.id === shop.bay1)).toMatchObject({ openMinutes: 540, bookedMinutes: 90, freeMinutes: 450, state: 'ok' })
    expect(thu.bays.find((b) => b.id === shop.bay2)).toMatchObject({ bookedMinutes: 0, state: 'idle' })
    expect(thu.technicians.find((t) => t.id === shop.alex)).toMatchObject({ bookedMinutes: 90 })
    expect(thu).toMatchObject({ freeMinutes: 450 + 540, dueUnbookedMinutes: 60 })
    expect(r.days.find((d) => d.day === '2025-03-07')!.bays.find((b) => b.id === shop.bay2)).toMatchObject({ openMinutes: 0, state: 'closed' })
    // Sunday: the shop is closed.
    expect(r.days.find((d) => d.day === '2025-03-09')).toMatchObject({ open: false, past: false, bays: [] })
    expect(r.overdueUnbookedMinutes).toBe(90)
  })
})
