import { useCallback, useMemo } from 'react'
import { useChannel } from './queries'
import { browserZone } from '../time/shop-time'

/**
 * The reference data every scheduling screen reads: the shop's zone, hours, bays, technicians
 * and activity types. Each is one cached query, shared by every component that asks.
 */
export function useShopReference() {
  const settings = useChannel('settings.get', {})
  const hours = useChannel('hours.get', {})
  const bays = useChannel('bays.list', {})
  const technicians = useChannel('technicians.list', {})
  const types = useChannel('activityTypes.list', {})
  const typeMinutes = useMemo(() => new Map((types.data ?? []).map((t) => [t.id, t.durationMinutes])), [types.data])
  // Stable, so the calendar's drop handlers (and the memoized calendar) do not change each render.
  const durationOf = useCallback((activityTypeId: number) => typeMinutes.get(activityTypeId) ?? 60, [typeMinutes])
  return {
    timeZone: settings.data?.timeZone ?? browserZone(),
    settings: settings.data,
    hours: hours.data ?? [],
    bays: bays.data ?? [],
    technicians: technicians.data ?? [],
    types: types.data ?? [],
    /** Minutes an activity type takes; 60 before the types load. */
    durationOf,
    loading: settings.isPending,
  }
}
