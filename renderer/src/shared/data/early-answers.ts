/**
 * Answers asked for before the app's code has loaded (renderer/src/early-answers.ts says which).
 * Each is used once, by the first read asking the same channel with the same input, within a
 * few seconds of the start; any later read asks the core as usual.
 */
import type { ChannelInput, ChannelName, ChannelResult } from '../../../../shared/contract'
import type { ShopClock } from '../../../../shared/contract/clock'
import { rememberCoreClock } from '../time/shop-clock'
import { call } from './shop'

/** An early answer older than this is not used: the page asked again for a reason. */
const FRESH_MS = 5_000

interface Early {
  answer: Promise<unknown>
  /** performance.now() when it was asked: a duration clock, not the shop's. */
  askedAt: number
}

const early = new Map<string, Early>()
const keyOf = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input)}`

/**
 * Asks the core now, for the first read of this channel and input to use.
 *
 * @example
 * askEarly('settings.get', {})
 */
export function askEarly<C extends ChannelName>(channel: C, input: ChannelInput<C>, answer: Promise<ChannelResult<C>> = call(channel, input)): void {
  // A refusal is the later read's to show: unhandled here, it would only be logged twice.
  answer.catch(() => {})
  early.set(keyOf(channel, input), { answer, askedAt: performance.now() })
}

/**
 * The early answer to this read, if one was asked and not yet used; else undefined.
 *
 * @example
 * queryFn: () => takeEarly(channel, input) ?? call(channel, input)
 */
export function takeEarly<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> | undefined {
  const key = keyOf(channel, input)
  const hit = early.get(key)
  if (!hit) return undefined
  early.delete(key)
  return performance.now() - hit.askedAt <= FRESH_MS ? (hit.answer as Promise<ChannelResult<C>>) : undefined
}

/** `clock.now`, kept as the page's offset from the core's clock (shop-clock.ts). */
export async function readClock(): Promise<ShopClock> {
  // Date.now() here times the round trip to the core; the core's answer is the shop's now.
  const asked = Date.now()
  const clock = await call('clock.now', {})
  rememberCoreClock(clock, asked, Date.now()) // the answer time of the round trip, a duration measurement, not "now"
  return clock
}
