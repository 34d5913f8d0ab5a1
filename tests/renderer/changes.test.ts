/**
 * Open pages follow the core's `changed` events (renderer/src/shared/data/queries.ts): a few
 * named activities are read by id and put where the core lists them in the cached months, so
 * the calendar's month is not read again for one booking another desk moved; anything else
 * refreshes the reads that show it.
 */
import { QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangedEvent } from '../../shared/contract/changes'
import type { Activity } from '../../shared/domain/activities'
import { channelKey, mergeChanges, queryClient, subscribeToChanges } from '../../renderer/src/shared/data/queries'
import { call } from '../../renderer/src/shared/data/shop'
import { shareActivities } from '../../renderer/src/shared/data/activity-lists'

// vitest runs this in Node; the web project has no Node types, so the one Node global used is declared here.
declare const setImmediate: (callback: () => void) => void

const activity = (over: Partial<Activity> & { id: number }): Activity => ({
  vehicleId: 7,
  vehicleLabel: '2019 Honda Civic',
  licensePlate: '7KXM 412',
  customerId: 3,
  customerName: 'Dana Ortiz',
  activityTypeId: 2,
  typeName: 'Oil change',
  category: 'maintenance',
  origin: 'manual',
  templateId: null,
  occurrenceIndex: null,
  dueDate: '2026-03-10',
  start: null,
  end: null,
  bayId: null,
  bayName: null,
  technicianId: null,
  technicianName: null,
  status: 'scheduled',
  pinned: false,
  startedAt: null,
  completedAt: null,
  completedBy: null,
  completionOdometer: null,
  completionNotes: null,
  cancelReason: null,
  notes: null,
  contactedAt: null,
  version: 1,
  urgency: null,
  ...over,
})

/** A booking on a day in New York (EDT from March 8): `hour` is the shop's wall-clock hour. */
const booked = (id: number, day: string, hour: number, over: Partial<Activity> = {}): Activity => {
  const start = new Date(Date.parse(`${day}T00:00:00Z`) + (hour + 4) * 3_600_000)
  return activity({ id, dueDate: day, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), pinned: true, ...over })
}

const ZONE = 'America/New_York'
/** March 2026 as the month view shows it: Sunday, March 1 to Saturday, April 4. */
const MARCH = { from: '2026-03-01', to: '2026-04-04' }
/** The calendar's key: its filters are there, undefined while none is set. */
const monthInput = { ...MARCH, status: undefined, category: undefined, bayId: undefined, technicianId: undefined, text: undefined }
const monthKey = channelKey('activities.range', monthInput)

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }

/** The core behind `window.shop`: answers from `answer`, and lets a test send `changed` events. */
function fakeShop(answer: (channel: string, input: Record<string, unknown>) => Answer) {
  const listeners = new Set<(event: ChangedEvent) => void>()
  const invoke = vi.fn(async (channel: string, input: Record<string, unknown>) => answer(channel, input))
  vi.stubGlobal('window', {
    shop: {
      invoke,
      on: (name: string, listener: (event: ChangedEvent) => void) => {
        if (name !== 'changed') return () => {}
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  })
  return {
    invoke,
    emit: (event: ChangedEvent) => listeners.forEach((listener) => listener(event)),
    channels: () => invoke.mock.calls.map(([channel]) => channel),
  }
}

/** The core as it stands after the other desk's change: `activities.get` answers from `byId`, ranges from `months`. */
function coreWith(byId: Record<number, Activity>, months: Activity[] = []) {
  return fakeShop((channel, input) => {
    if (channel === 'activities.get') {
      const found = byId[input.id as number]
      return found ? { ok: true, data: found } : { ok: false, error: { code: 'not_found', message: `There is no activity ${String(input.id)}.` } }
    }
    if (channel === 'activities.range') return { ok: true, data: months }
    return { ok: true, data: [] }
  })
}

/**
 * A page showing this read (so an invalidation refetches it), seeded with what it showed. The
 * calendar's month shares its activities by id (CalendarPage), as here by default.
 */
function shown(key: readonly unknown[], data: unknown, structuralSharing: typeof shareActivities | boolean = shareActivities) {
  const observer = new QueryObserver(queryClient, { queryKey: key, queryFn: () => call(key[1] as 'activities.range', key[2] as never), structuralSharing })
  queryClient.setQueryData(key, data)
  unsubscribers.push(observer.subscribe(() => {}))
}

const settingsKey = channelKey('settings.get', {})
const knowShopZone = () => queryClient.setQueryData(settingsKey, { timeZone: ZONE })

/** Past the 30 ms the events are gathered, and every read that started has answered. */
async function handled() {
  await vi.advanceTimersByTimeAsync(30)
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

const month = () => queryClient.getQueryData<Activity[]>(monthKey)!
const ids = (list: readonly Activity[]) => list.map((a) => a.id)

let unsubscribers: (() => void)[] = []
let stop: () => void = () => {}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  queryClient.clear()
})

afterEach(() => {
  stop()
  unsubscribers.forEach((off) => off())
  unsubscribers = []
  queryClient.clear()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

// The month as this desk last read it: Mar 10 9:00, Mar 12 9:00 and 11:00, due on Mar 20.
const oilChange = booked(1, '2026-03-10', 9)
const brakes = booked(2, '2026-03-12', 9)
const tires = booked(3, '2026-03-12', 11)
const inspection = activity({ id: 4, dueDate: '2026-03-20' })
const march = [oilChange, brakes, tires, inspection]

describe("another desk's change to a few bookings", () => {
  it('shows a moved booking on its new day, in order, without reading the month again; the others stay as they were drawn', async () => {
    const moved = { ...booked(1, '2026-03-12', 10), version: 2 }
    const core = coreWith({ 1: moved })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()

    const list = month()
    expect(ids(list)).toEqual([2, 1, 3, 4])
    expect(list[1]).toEqual(moved)
    expect(list[0]).toBe(brakes)
    expect(list[2]).toBe(tires)
    expect(list[3]).toBe(inspection)
    expect(core.channels()).toEqual(['activities.get'])
    expect(core.invoke).toHaveBeenCalledWith('activities.get', { id: 1 })
    expect(queryClient.getQueryState(monthKey)?.isInvalidated).toBe(false)
  })

  it("files an evening booking under its day in the shop, not the computer's (UTC) day", async () => {
    // 23:30 on March 11 in New York is 03:30 UTC on March 12: it goes before the work due on March 12.
    const dueMar12 = activity({ id: 5, dueDate: '2026-03-12' })
    const evening = { ...booked(4, '2026-03-11', 23.5), version: 2 }
    const core = coreWith({ 4: evening })
    knowShopZone()
    shown(monthKey, [oilChange, dueMar12, brakes, tires, inspection])
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [4] } })
    await handled()

    expect(evening.start).toBe('2026-03-12T03:30:00.000Z')
    expect(ids(month())).toEqual([1, 4, 5, 2, 3])
  })

  it('takes a booking moved out of the month off it', async () => {
    const core = coreWith({ 2: { ...booked(2, '2026-04-10', 9), version: 2 } })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [2] } })
    await handled()

    expect(ids(month())).toEqual([1, 3, 4])
    expect(core.channels()).not.toContain('activities.range')
  })

  it('keeps a booking moved to the evening of the last day shown (the next day in UTC) on that day', async () => {
    const core = coreWith({ 3: { ...booked(3, '2026-04-04', 22), version: 2 } })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [3] } })
    await handled()

    expect(ids(month())).toEqual([1, 2, 4, 3])
  })

  it('shows a booking another desk made in the month, in its place', async () => {
    const core = coreWith({ 9: booked(9, '2026-03-12', 8) })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [9] } })
    await handled()

    expect(ids(month())).toEqual([1, 9, 2, 3, 4])
  })

  it('takes a deleted booking off the month (the core answers not found)', async () => {
    const core = coreWith({})
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [3] } })
    await handled()

    expect(ids(month())).toEqual([1, 2, 4])
    expect(month()[0]).toBe(oilChange)
    expect(core.channels()).toEqual(['activities.get'])
  })

  it("leaves the month as drawn when the booking is already as the core has it (this window's own drop)", async () => {
    // The drop's answer was put in place already; the core's event for it follows.
    const core = coreWith({ 2: { ...brakes } })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [2] } })
    await handled()

    expect(month()).toBe(march)
    expect(core.channels()).toEqual(['activities.get'])
  })

  it('patches every whole range shown (the month and the day sheet) and leaves out the days a range does not show', async () => {
    const dayKey = channelKey('activities.range', { from: '2026-03-12', to: '2026-03-12' })
    const core = coreWith({ 1: { ...booked(1, '2026-03-12', 10), version: 2 } })
    knowShopZone()
    shown(monthKey, march)
    shown(dayKey, [brakes, tires], true) // the day sheet: react-query's own sharing
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()

    expect(ids(month())).toEqual([2, 1, 3, 4])
    expect(ids(queryClient.getQueryData<Activity[]>(dayKey)!)).toEqual([2, 1, 3])
    expect(core.channels()).toEqual(['activities.get'])
  })

  it('reads a filtered range (one bay) again, and the other reads that show activities, but not the unfiltered month', async () => {
    const bayKey = channelKey('activities.range', { ...MARCH, bayId: 1 })
    const vehiclesKey = channelKey('vehicles.list', {} as never)
    const customersKey = channelKey('customers.list', {} as never)
    const core = coreWith({ 1: { ...booked(1, '2026-03-12', 10), version: 2 } }, [brakes])
    knowShopZone()
    shown(monthKey, march)
    shown(bayKey, [oilChange, brakes])
    queryClient.setQueryData(vehiclesKey, [])
    queryClient.setQueryData(customersKey, [])
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()

    expect(core.invoke).toHaveBeenCalledWith('activities.range', { ...MARCH, bayId: 1 })
    expect(core.invoke.mock.calls.filter(([channel]) => channel === 'activities.range')).toHaveLength(1)
    expect(queryClient.getQueryData(bayKey)).toEqual([brakes])
    expect(queryClient.getQueryState(vehiclesKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(customersKey)?.isInvalidated).toBe(false)
    expect(ids(month())).toEqual([2, 1, 3, 4])
  })

  it('reads the month again when more than 25 bookings changed', async () => {
    const many = Array.from({ length: 26 }, (_, i) => i + 1)
    const core = coreWith({}, [brakes])
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: many } })
    await handled()

    expect(core.channels()).toEqual(['activities.range'])
    expect(month()).toEqual([brakes])
  })

  it('patches at most 25 bookings one by one', async () => {
    const core = coreWith({})
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: Array.from({ length: 25 }, (_, i) => i + 1) } })
    await handled()

    expect(core.channels()).toEqual(Array.from({ length: 25 }, () => 'activities.get'))
    expect(month()).toEqual([])
  })

  it('reads the month again when the change names other data too, or names no bookings', async () => {
    const core = coreWith({ 1: booked(1, '2026-03-12', 10) }, [brakes])
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities', 'vehicles'], ids: { activities: [1] } })
    await handled()
    expect(core.channels()).toEqual(['activities.range'])

    core.emit({ domains: ['activities'] })
    await handled()
    expect(core.channels()).toEqual(['activities.range', 'activities.range'])
  })

  it("reads the month again while the shop's time zone is not known (no settings read yet)", async () => {
    const core = coreWith({ 1: booked(1, '2026-03-12', 10) }, [brakes])
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()

    expect(core.channels()).toEqual(['activities.range'])
    expect(month()).toEqual([brakes])
  })

  it('reads the month again when a booking cannot be read (not because it is gone)', async () => {
    const core = fakeShop((channel) =>
      channel === 'activities.get'
        ? { ok: false, error: { code: 'offline', message: "The shop's database server cannot be reached." } }
        : { ok: true, data: [brakes] },
    )
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1, 2] } })
    await handled()

    expect(core.channels()).toEqual(['activities.get', 'activities.get', 'activities.range'])
    expect(month()).toEqual([brakes])
  })

  it('handles a burst of changes within 30 ms once, reading each named booking once', async () => {
    const core = coreWith({ 1: { ...booked(1, '2026-03-12', 10), version: 2 }, 4: { ...inspection, dueDate: '2026-03-25', version: 2 } })
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await vi.advanceTimersByTimeAsync(20)
    core.emit({ domains: ['activities'], ids: { activities: [4, 1] } })
    await vi.advanceTimersByTimeAsync(9)
    expect(core.invoke).not.toHaveBeenCalled()
    await handled()

    expect(core.invoke.mock.calls.map(([channel, input]) => [channel, input])).toEqual([
      ['activities.get', { id: 1 }],
      ['activities.get', { id: 4 }],
    ])
    expect(ids(month())).toEqual([2, 1, 3, 4])
    expect(month()[3]!.dueDate).toBe('2026-03-25')
  })

  it('stops following changes once unsubscribed, also a change still being gathered', async () => {
    const core = coreWith({}, [brakes])
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()

    core.emit({ domains: ['activities'] })
    stop()
    await handled()

    expect(core.invoke).not.toHaveBeenCalled()
    expect(month()).toBe(march)
  })
})

describe('changes gathered together', () => {
  it('name every domain either named, and the ids of both', () => {
    expect(mergeChanges({ domains: ['activities'], ids: { activities: [1, 2] } }, { domains: ['activities'], ids: { activities: [2, 3] } })).toEqual({
      domains: ['activities'],
      ids: { activities: [1, 2, 3] },
    })
    expect(mergeChanges({ domains: ['activities'], ids: { activities: [1] } }, { domains: ['vehicles'], ids: { vehicles: [7] } })).toEqual({
      domains: ['activities', 'vehicles'],
      ids: { activities: [1], vehicles: [7] },
    })
  })

  it('say a domain changed anywhere (no ids) when either names it without ids', () => {
    expect(mergeChanges({ domains: ['activities'], ids: { activities: [1] } }, { domains: ['activities'] })).toEqual({ domains: ['activities'] })
    expect(mergeChanges({ domains: ['activities'] }, { domains: ['activities'], ids: { activities: [1] } })).toEqual({ domains: ['activities'] })
    expect(mergeChanges({ domains: ['activities', 'vehicles'], ids: { activities: [1] } }, { domains: ['activities'], ids: { activities: [2] } })).toEqual({
      domains: ['activities', 'vehicles'],
      ids: { activities: [1, 2] },
    })
  })
})

describe('a month being read when another desk moves a booking', () => {
  /** The core's month: read once before the other desk's write committed (answered by hand), and as it is now after. */
  function slowFirstRead(now: Activity[], moved: Activity) {
    let answerFirst: (list: Activity[]) => void = () => {}
    let reads = 0
    const core = fakeShop(() => ({ ok: true, data: null }))
    core.invoke.mockImplementation(async (channel: string) => {
      if (channel === 'activities.get') return { ok: true, data: moved }
      reads++
      if (reads === 1) return { ok: true, data: await new Promise<Activity[]>((resolve) => (answerFirst = resolve)) }
      return { ok: true, data: now }
    })
    return { core, answerFirst: (list: Activity[]) => answerFirst(list) }
  }
  const moved = { ...booked(1, '2026-03-12', 10), version: 2 }
  const movedMarch = [brakes, moved, tires, inspection]

  it('shows the move once the reads answer, not the month as read before the move', async () => {
    const { core, answerFirst } = slowFirstRead(movedMarch, moved)
    knowShopZone()
    shown(monthKey, march)
    stop = subscribeToChanges()
    // The page came back into view: the core starts reading the month before the other desk's write commits.
    void queryClient.refetchQueries({ queryKey: monthKey })
    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()
    answerFirst(march)
    await handled()
    expect(ids(month())).toEqual([2, 1, 3, 4])
    expect(month().find((a) => a.id === 1)?.version).toBe(2)
  })

  it('shows the move when it happens during the first read of the month', async () => {
    const { core, answerFirst } = slowFirstRead(movedMarch, moved)
    knowShopZone()
    stop = subscribeToChanges()
    const observer = new QueryObserver(queryClient, {
      queryKey: monthKey,
      queryFn: () => call('activities.range', monthInput),
      structuralSharing: shareActivities,
    })
    unsubscribers.push(observer.subscribe(() => {}))
    await handled()
    core.emit({ domains: ['activities'], ids: { activities: [1] } })
    await handled()
    answerFirst(march)
    await handled()
    expect(ids(month())).toEqual([2, 1, 3, 4])
  })
})
