/**
 * The start's first reads are asked before the app's code has loaded
 * (renderer/src/shared/data/early-answers.ts): the first page to read the same thing finds it
 * answered instead of asking and waiting, once, and only within a few seconds of the start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { askEarly, readClock, takeEarly } from '../../renderer/src/shared/data/early-answers'
import { coreNow, coreToday, shopTimeZone } from '../../renderer/src/shared/time/shop-clock'

// vitest runs this in Node; the web project has no Node types, so the Node globals used are declared here.
declare const setImmediate: (callback: () => void) => void
declare const process: {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): void
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): void
}

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }

/** The core behind `window.shop`, answering every call with `answer`. */
function fakeShop(answer: (channel: string, input: unknown) => Answer | Promise<Answer>) {
  const invoke = vi.fn(async (channel: string, input: unknown) => answer(channel, input))
  vi.stubGlobal('window', { shop: { invoke, on: () => () => {} } })
  return invoke
}

/** Lets every pending promise settle and Node report rejections nobody handled. */
const settled = async () => {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

const bays = [{ id: 1, name: 'Bay 1', active: true, sortOrder: 0 }]

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('answers asked early', () => {
  it("are what the first page's read shows, without asking the core again", async () => {
    const invoke = fakeShop(() => ({ ok: true, data: bays }))
    askEarly('bays.list', {})
    expect(invoke).toHaveBeenCalledTimes(1)

    const early = takeEarly('bays.list', {})
    expect(early).toBeDefined()
    await expect(early).resolves.toEqual(bays)
    expect(invoke).toHaveBeenCalledTimes(1)
  })

  it('are used once: a later read (a refresh after a change) asks the core', async () => {
    fakeShop(() => ({ ok: true, data: [] }))
    askEarly('technicians.list', {})
    expect(takeEarly('technicians.list', {})).toBeDefined()
    expect(takeEarly('technicians.list', {})).toBeUndefined()
  })

  it("answer the calendar's month read, whose filters are unset (undefined), and not another month's", async () => {
    const invoke = fakeShop((_, input) => ({ ok: true, data: [input] }))
    askEarly('activities.range', { from: '2026-03-01', to: '2026-04-04' })

    expect(takeEarly('activities.range', { from: '2026-03-29', to: '2026-05-02' })).toBeUndefined()
    const month = takeEarly('activities.range', { from: '2026-03-01', to: '2026-04-04', status: undefined, bayId: undefined, text: undefined })
    await expect(month).resolves.toEqual([{ from: '2026-03-01', to: '2026-04-04' }])
    expect(invoke).toHaveBeenCalledTimes(1)
  })

  it('are not used by a read of another channel with the same input', () => {
    fakeShop(() => ({ ok: true, data: [] }))
    askEarly('hours.get', {})
    expect(takeEarly('bays.list', {})).toBeUndefined()
    expect(takeEarly('hours.get', {})).toBeDefined()
  })

  it('are not used more than 5 s after they were asked: the page reads again', () => {
    fakeShop(() => ({ ok: true, data: [] }))
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    askEarly('activityTypes.list', {})
    askEarly('closures.list', { from: '2026-03-01', to: '2026-04-04' })

    now.mockReturnValue(6_000)
    expect(takeEarly('activityTypes.list', {})).toBeDefined()
    now.mockReturnValue(6_001)
    expect(takeEarly('closures.list', { from: '2026-03-01', to: '2026-04-04' })).toBeUndefined()
    // Not kept either: the stale answer is gone for good.
    now.mockReturnValue(1_000)
    expect(takeEarly('closures.list', { from: '2026-03-01', to: '2026-04-04' })).toBeUndefined()
  })

  it('when refused, show the refusal on the read that takes them, and nothing is reported unhandled before', async () => {
    fakeShop(() => ({ ok: false, error: { code: 'offline', message: "The shop's database server cannot be reached." } }))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      askEarly('settings.get', {})
      await settled()
      expect(unhandled).not.toHaveBeenCalled()

      await expect(takeEarly('settings.get', {})).rejects.toMatchObject({ name: 'ShopError', code: 'offline' })
      await settled()
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('when refused and never taken (the page went elsewhere), report nothing unhandled', async () => {
    fakeShop(() => ({ ok: false, error: { code: 'internal', message: 'The core failed.' } }))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      askEarly('database.status', {})
      askEarly('bays.list', {}, Promise.reject(new Error('The bridge closed.')))
      await settled()
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
      void takeEarly('database.status', {})
      void takeEarly('bays.list', {})
    }
  })
})

describe("the core's clock read at the start", () => {
  it("sets now and today to the shop's, in the shop's zone, whatever the computer's clock says", async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // The computer is a day behind; the core says 23:30 on March 10 in New York.
    vi.setSystemTime(new Date('2026-03-09T12:00:00Z'))
    const clock = { now: '2026-03-11T03:30:00.000Z', timeZone: 'America/New_York', today: '2026-03-10' }
    const invoke = fakeShop(() => ({ ok: true, data: clock }))

    await expect(readClock()).resolves.toEqual(clock)

    expect(invoke).toHaveBeenCalledWith('clock.now', {})
    expect(coreNow().toISOString()).toBe('2026-03-11T03:30:00.000Z')
    expect(shopTimeZone()).toBe('America/New_York')
    expect(coreToday()).toBe('2026-03-10')
    vi.setSystemTime(new Date('2026-03-09T12:30:00Z'))
    expect(coreToday()).toBe('2026-03-11')
  })

  it('counts half the round trip to the core', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-09T12:00:00Z'))
    // The answer takes 2 s to come back: it stood for the middle of the trip.
    fakeShop(() => {
      vi.setSystemTime(new Date('2026-03-09T12:00:02Z'))
      return { ok: true, data: { now: '2026-03-10T14:00:00.000Z', timeZone: 'America/Chicago', today: '2026-03-10' } }
    })

    await readClock()

    expect(coreNow().toISOString()).toBe('2026-03-10T14:00:01.000Z')
    expect(shopTimeZone()).toBe('America/Chicago')
  })

  it("shows the core's refusal to the read, and keeps the clock it had", async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-09T12:00:00Z'))
    fakeShop(() => ({ ok: true, data: { now: '2026-03-10T14:00:00.000Z', timeZone: 'America/Denver', today: '2026-03-10' } }))
    await readClock()
    fakeShop(() => ({ ok: false, error: { code: 'offline', message: "The shop's database server cannot be reached." } }))

    await expect(readClock()).rejects.toMatchObject({ code: 'offline' })

    expect(coreNow().toISOString()).toBe('2026-03-10T14:00:00.000Z')
    expect(shopTimeZone()).toBe('America/Denver')
  })
})
