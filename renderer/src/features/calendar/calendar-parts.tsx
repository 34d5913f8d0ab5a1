/**
 * Small pieces react-big-calendar renders for every event and day. They are module-level
 * components (stable identity) that read what changes through context, so changing the hours
 * or zone never forces the calendar to throw away its layout.
 */
import { createContext, memo, useContext } from 'react'
import type { DateHeaderProps, EventProps, HeaderProps } from 'react-big-calendar'
import { CATEGORY_ICON, CATEGORY_LABEL, STATUS_LABEL } from '../../shared/ui/appearance'
import { vehicleName, type CalendarEvent } from './calendar-events'
import { mayNeedBay, NeedsBayMark } from '../../shared/ui/NeedsBayMark'
import { wallToDay, wallToTime } from '../../shared/time/shop-time'

export interface CalendarPartsContext {
  closedReason: (date: Date) => string | null
  open: (event: CalendarEvent) => void
}
export const PartsContext = createContext<CalendarPartsContext>({ closedReason: () => null, open: () => {} })

function time12(wall: Date): string {
  const [h, m] = wallToTime(wall).split(':').map(Number) as [number, number]
  const suffix = h < 12 ? 'a' : 'p'
  const hour = h % 12 === 0 ? 12 : h % 12
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`
}

/**
 * An event: category icon (with its name for screen readers), time when booked, then the
 * vehicle, the work and the customer. Each part is its own line in the time grid and a run of
 * the one line in a month cell (CSS decides); a part too long for its space ends in an
 * ellipsis, never breaks mid-word.
 */
function EventContentParts({ event }: EventProps<CalendarEvent>) {
  const a = event.activity
  const Icon = CATEGORY_ICON[a.category]
  return (
    <span className="shop-event" data-activity-id={a.id} data-status={a.status}>
      <span className="shop-event-line shop-event-work">
        <Icon size={13} stroke={2} aria-hidden style={{ flex: 'none' }} />
        <span className="visually-hidden-text">
          {CATEGORY_LABEL[a.category]}, {STATUS_LABEL[a.status]}:{' '}
        </span>
        {event.proposed && <span className="shop-event-proposed">Proposed</span>}
        {!event.allDay && <span className="shop-event-time">{time12(event.start)}</span>}
        {mayNeedBay(a) && <NeedsBayMark activity={a} compact />}
        <span className="shop-event-vehicle-short">{a.licensePlate ?? a.vehicleLabel}</span>
        <span className="shop-event-type">{a.typeName}</span>
      </span>
      <span className="shop-event-line shop-event-vehicle">{vehicleName(a)}</span>
      <span className="shop-event-line shop-event-customer">{a.customerName}</span>
    </span>
  )
}

/**
 * Drawn again only when its event is another object (a changed activity, another zone or
 * lanes: see toCalendarEvent). react-big-calendar passes fresh slot dates on every render of
 * a month; a drop must not rebuild the other 2,000 events' contents.
 */
const sameEvent = (a: EventProps<CalendarEvent>, b: EventProps<CalendarEvent>): boolean =>
  a.event === b.event && a.title === b.title && a.isAllDay === b.isAllDay && a.continuesPrior === b.continuesPrior && a.continuesAfter === b.continuesAfter

export const EventContent = memo(EventContentParts, sameEvent)

/**
 * The month's and agenda's events are not focusable in react-big-calendar (the week grid's
 * are), so this one is: Tab reaches every event and Enter opens its panel, where the booking
 * dialog is the keyboard's equivalent of every drag.
 */
export const FocusableEventContent = memo(function FocusableEventContent(props: EventProps<CalendarEvent>) {
  const { open } = useContext(PartsContext)
  const a = props.event.activity
  return (
    <span
      role="button"
      tabIndex={0}
      aria-label={`${props.event.title}, ${CATEGORY_LABEL[a.category]}, ${STATUS_LABEL[a.status]}`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          open(props.event)
        }
      }}
      onClick={() => open(props.event)}
    >
      <EventContent {...props} />
    </span>
  )
}, sameEvent)

/** The month's day number, plus why the shop is closed that day. */
export function DateHeader({ date, label, onDrillDown }: DateHeaderProps) {
  const { closedReason } = useContext(PartsContext)
  const reason = closedReason(date)
  return (
    <span className="shop-date-header" data-date={wallToDay(date)}>
      {reason ? <span className="shop-date-closed">{reason}</span> : <span />}
      <button type="button" className="rbc-button-link shop-date-number" onClick={onDrillDown}>
        {label}
      </button>
    </span>
  )
}

/** A week or day column's heading, with why the shop is closed that day under it. */
export function DayColumnHeader({ date, label }: HeaderProps) {
  const { closedReason } = useContext(PartsContext)
  const reason = closedReason(date)
  return (
    <span className="shop-column-header" data-date={wallToDay(date)}>
      <span>{label}</span>
      {reason && <span className="shop-date-closed">{reason}</span>}
    </span>
  )
}
