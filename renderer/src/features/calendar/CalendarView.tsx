import { memo, useCallback, useMemo, useRef } from 'react'
import type { View } from 'react-big-calendar'
import type { DragFromOutsideItemArgs, EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { DnDCalendar } from './dnd-calendar'
import { canMove, type CalendarEvent, type CalendarResource } from './calendar-events'
import { DateHeader, DayColumnHeader, EventContent, FocusableEventContent, PartsContext } from './calendar-parts'
import type { ShopHoursShading } from './shop-hours'
import { nowWall } from '../../shared/time/shop-time'
import { localizer as localizerRef } from './localizer'
import { useFlattenCalendarAria } from './calendar-aria'
import { VIEWS } from './calendar-place'
import './calendar.css'

export { VIEWS } from './calendar-place'

interface Props {
  events: CalendarEvent[]
  view: View
  date: Date
  onView: (view: View) => void
  onNavigate: (date: Date) => void
  resources: CalendarResource[] | undefined
  shading: ShopHoursShading
  timeZone: string
  pendingIds: ReadonlySet<number>
  onSelectEvent: (event: CalendarEvent) => void
  onEventDrop: (args: EventInteractionArgs<CalendarEvent>) => void
  onEventResize: (args: EventInteractionArgs<CalendarEvent>) => void
  onDropFromOutside: (args: DragFromOutsideItemArgs) => void
  dragFromOutsideItem: () => CalendarEvent
  height: string
}

// Stable across renders: react-big-calendar re-renders every cell when these change.
const COMPONENTS = {
  event: EventContent,
  month: { event: FocusableEventContent, dateHeader: DateHeader },
  agenda: { event: FocusableEventContent },
  week: { header: DayColumnHeader },
  day: { header: DayColumnHeader },
}
const MESSAGES = { showMore: (n: number) => `+${n} more`, noEventsInRange: 'Nothing booked or due in this range.' }
// Null-safe: on a foreign drop (a file) the library asks for the times of "no event".
const startAccessor = (e: CalendarEvent | null) => e?.start as Date
const endAccessor = (e: CalendarEvent | null) => e?.end as Date
const allDayAccessor = (e: CalendarEvent) => e.allDay
const resourceAccessor = (e: CalendarEvent) => e.resourceId
const draggable = (e: CalendarEvent) => !e.proposed && canMove(e.activity)
// Only booked work has a length to change.
const resizable = (e: CalendarEvent) => !e.proposed && canMove(e.activity) && !e.allDay
const tooltip = (e: CalendarEvent) => [e.title, [e.activity.bayName, e.activity.technicianName].filter(Boolean).join(' · ')].filter(Boolean).join('\n')

/**
 * The drag-and-drop calendar, with every prop it compares by identity kept stable. Memoized:
 * typing in a filter re-renders the page, and must not re-lay out 2,000 events per keystroke.
 */
export const CalendarView = memo(function CalendarView(props: Props) {
  const { pendingIds, timeZone, shading, onSelectEvent } = props
  const container = useRef<HTMLDivElement>(null)
  useFlattenCalendarAria(container)
  const agenda = props.view === 'agenda'
  const eventPropGetter = useCallback(
    (e: CalendarEvent) => {
      const fill = STATUS_FILL[e.activity.status]
      // Proposed, not booked: hatched with a dashed edge (calendar.css), whatever the view.
      if (e.proposed) return { className: 'shop-proposed' }
      const classes = [`shop-status-${e.activity.status}`, e.allDay ? 'shop-unbooked' : '', pendingIds.has(e.id) ? 'shop-pending' : '']
      // The agenda puts these on its table row, date cell included: a stripe there, not a fill.
      if (agenda) return { className: classes.join(' ') }
      // Due but not booked: an outline in its status colour, so it reads as "needs a time".
      if (e.allDay) {
        return { className: classes.filter(Boolean).join(' '), style: { backgroundColor: '#fff', borderColor: fill.bg, color: fill.border } }
      }
      return {
        className: classes.filter(Boolean).join(' '),
        style: { backgroundColor: fill.bg, borderColor: fill.border, color: '#fff' },
      }
    },
    [pendingIds, agenda],
  )
  // react-big-calendar asks for now once per day cell and more on every render (today's tint,
  // the now-line); reading the shop's zone each time cost milliseconds per redraw of a month.
  // A second-old now is as good for both.
  const getNow = useMemo(() => {
    let cached: { until: number; wall: Date } | null = null
    return () => {
      const t = performance.now() // a duration clock for the cache's age, not the shop's now
      if (cached === null || t >= cached.until) cached = { until: t + 1_000, wall: nowWall(timeZone) }
      return cached.wall
    }
  }, [timeZone])
  const parts = useMemo(() => ({ closedReason: shading.closedReason, open: onSelectEvent }), [shading, onSelectEvent])
  // The week grid's events are focusable buttons already; Enter or Space opens the panel.
  const onKeyPressEvent = useCallback(
    (e: CalendarEvent, ev: React.SyntheticEvent<HTMLElement>) => {
      const key = (ev.nativeEvent as KeyboardEvent).key
      if ((key === 'Enter' || key === ' ') && ev.target === ev.currentTarget) onSelectEvent(e)
    },
    [onSelectEvent],
  )
  // The week's day headings span their lanes (calendar.css).
  const style: React.CSSProperties & { '--shop-lanes': number } = { height: props.height, '--shop-lanes': props.resources?.length ?? 1 }
  return (
    <PartsContext.Provider value={parts}>
      <div style={style} ref={container}>
        <DnDCalendar
          className="shop-calendar"
          localizer={localizerRef}
          events={props.events}
          view={props.view}
          views={VIEWS}
          date={props.date}
          onView={props.onView}
          onNavigate={props.onNavigate}
          getNow={getNow}
          toolbar={false}
          components={COMPONENTS}
          messages={MESSAGES}
          startAccessor={startAccessor}
          endAccessor={endAccessor}
          allDayAccessor={allDayAccessor}
          tooltipAccessor={tooltip}
          resources={props.view === 'week' || props.view === 'day' ? props.resources : undefined}
          resourceGroupingLayout={props.view === 'week' && props.resources !== undefined}
          resourceAccessor={resourceAccessor}
          resourceIdAccessor={resourceIdAccessor}
          resourceTitleAccessor={resourceTitleAccessor}
          eventPropGetter={eventPropGetter}
          dayPropGetter={shading.dayPropGetter}
          slotPropGetter={shading.slotPropGetter}
          min={shading.min}
          max={shading.max}
          scrollToTime={shading.min}
          // Side by side, never on top of each other: an overlapped booking would be cropped unreadable.
          dayLayoutAlgorithm="no-overlap"
          step={15}
          timeslots={4}
          popup
          selectable={false}
          // A month cell has no time axis: its edge handles would only stretch work over days.
          resizable={props.view !== 'month'}
          draggableAccessor={draggable}
          resizableAccessor={resizable}
          onSelectEvent={onSelectEvent}
          onKeyPressEvent={onKeyPressEvent}
          onEventDrop={props.onEventDrop}
          onEventResize={props.onEventResize}
          onDropFromOutside={props.onDropFromOutside}
          dragFromOutsideItem={props.dragFromOutsideItem}
        />
      </div>
    </PartsContext.Provider>
  )
})

const resourceIdAccessor = (r: CalendarResource) => r.id
const resourceTitleAccessor = (r: CalendarResource) => r.title
