/**
 * The reads every start needs, sent the moment the page runs, before the app's code (most of
 * its size) has loaded and compiled: the shop's clock, its reference data and, when the app
 * opens on the calendar, the days it will show. The core answers them while the code loads; the
 * first render finds them answered instead of asking then and waiting (a month of 2,000
 * bookings is a large answer).
 */
import { isDay, remembered, viewOf } from './features/calendar/calendar-place'
import { visibleRange } from './features/calendar/visible-range'
import { askEarly, readClock } from './shared/data/early-answers'
import { dayToWall, nowWall } from './shared/time/shop-time'

/** Sends the start's reads; call once, before loading the app. */
export function startEarlyReads(): void {
  const clock = readClock()
  askEarly('clock.now', {}, clock)
  askEarly('database.status', {})
  askEarly('settings.get', {})
  askEarly('hours.get', {})
  askEarly('bays.list', {})
  askEarly('technicians.list', {})
  askEarly('activityTypes.list', {})
  clock.then(
    ({ timeZone }) => {
      const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?')
      if (path !== '/calendar') return
      const params = new URLSearchParams(query)
      const view = viewOf(params.get('view')) ?? remembered().view ?? 'month'
      const day = params.get('date')
      const range = visibleRange(view, isDay(day) ? dayToWall(day) : nowWall(timeZone))
      askEarly('activities.range', range)
      askEarly('closures.list', range)
    },
    // The clock's own read shows its refusal.
    () => {},
  )
}
