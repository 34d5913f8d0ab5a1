import { useCallback, useLayoutEffect, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'
import type { View } from 'react-big-calendar'
import type { Grouping } from './calendar-events'
import { dayToWall, wallToDay } from '../../shared/time/shop-time'
import { groupingOf, isDay, remembered, REMEMBERED, viewOf, type Remembered } from './calendar-place'

export interface CalendarPlace {
  view: View
  grouping: Grouping
  /** The wall date navigated to; null until the person navigates (the calendar follows today). */
  date: Date | null
  setView: (view: View) => void
  setGrouping: (grouping: Grouping) => void
  /**
   * A date, null for "follow today", or a step from the date shown in the view last chosen (fast
   * clicks each count: "Day" then "Next" steps one day even before the page has redrawn).
   */
  setDate: (date: Date | null | ((shown: Date, view: View) => Date)) => void
}

/**
 * Where the calendar is: its view, day and lanes, in the page's address (`#/calendar?view=week&
 * date=2026-03-11&lanes=bay`), so that a reload (or a link) opens the same place. View and lanes
 * are also remembered on this desk for the next visit; the day is not (tomorrow starts on today).
 */
export function useCalendarPlace(today: Date): CalendarPlace {
  const [params, setParams] = useSearchParams()
  const stored = useMemo(() => remembered(), [])
  const dayParam = params.get('date')
  const view: View = viewOf(params.get('view')) ?? stored.view ?? 'month'
  const grouping: Grouping = groupingOf(params.get('lanes')) ?? stored.grouping ?? 'shop'
  const date = useMemo(() => (isDay(dayParam) ? dayToWall(dayParam) : null), [dayParam])

  // The address as last written: clicks faster than the router each build on the one before.
  // The router catches up one write at a time; an address that is none of ours (Back, a link)
  // replaces what we had.
  const latest = useRef(params)
  const pending = useRef<string[]>([])
  useLayoutEffect(() => {
    const at = pending.current.indexOf(params.toString())
    if (at >= 0) pending.current.splice(0, at + 1)
    else {
      latest.current = params
      pending.current = []
    }
  }, [params])

  const update = useCallback(
    (change: { view?: View; grouping?: Grouping; date?: Date | null | ((shown: Date, view: View) => Date) }) => {
      const next = new URLSearchParams(latest.current)
      const v = change.view ?? viewOf(next.get('view')) ?? view
      const g = change.grouping ?? groupingOf(next.get('lanes')) ?? grouping
      next.set('view', v)
      next.set('lanes', g)
      const day = next.get('date')
      const shown = isDay(day) ? dayToWall(day) : today
      const date = typeof change.date === 'function' ? change.date(shown, v) : change.date
      if (date === null) next.delete('date')
      else if (date) next.set('date', wallToDay(date))
      localStorage.setItem(REMEMBERED, JSON.stringify({ view: v, grouping: g } satisfies Remembered))
      latest.current = next
      pending.current.push(next.toString())
      setParams(next, { replace: true })
    },
    [setParams, view, grouping, today],
  )
  return {
    view,
    grouping,
    date,
    setView: useCallback((v: View) => update({ view: v }), [update]),
    setGrouping: useCallback((g: Grouping) => update({ grouping: g }), [update]),
    setDate: useCallback((d: Date | null | ((shown: Date, view: View) => Date)) => update({ date: d }), [update]),
  }
}
