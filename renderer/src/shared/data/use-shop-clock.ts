import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ShopClock } from '../../../../shared/contract/clock'
import { coreToday, rememberCoreClock } from '../time/shop-clock'
import { call, type ShopError } from './shop'
import { channelKey, keepShownWhileOffline } from './queries'

async function readClock(): Promise<ShopClock> {
  // Date.now() here times the round trip to the core; the core's answer is the shop's now.
  const asked = Date.now()
  const clock = await call('clock.now', {})
  rememberCoreClock(clock, asked, Date.now()) // the answer time of the round trip, a duration measurement, not "now"
  return clock
}

/**
 * The shop's clock for a component: re-read from the core every few minutes (and when the
 * settings change, since the zone is one), re-rendered each minute so dates roll over.
 *
 * @example
 * const clock = useShopClock()
 * clock.data?.today // '2026-03-10'
 */
export function useShopClock() {
  const query = keepShownWhileOffline(
    useQuery<ShopClock, ShopError>({
      // Under the settings domain: a change of the shop's zone refreshes it.
      queryKey: ['settings', ...channelKey('clock.now', {}).slice(1)],
      queryFn: readClock,
      staleTime: 5 * 60_000,
      refetchInterval: 5 * 60_000,
    }),
  )
  const [, tick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 60_000)
    return () => clearInterval(timer)
  }, [])
  return { ...query, today: query.data ? coreToday(query.data.timeZone) : null, timeZone: query.data?.timeZone ?? null }
}
