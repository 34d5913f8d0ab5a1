import { useCallback, useMemo, useState } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import type { View } from 'react-big-calendar'
import type { DragFromOutsideItemArgs, EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop'
import type { ChannelInput } from '../../../../shared/contract'
import type { Activity } from '../../../../shared/domain/activities'
import { call, ShopError } from '../../shared/data/shop'
import { describeRefusal } from '../../shared/data/refusal'
import { STATUS_LABEL } from '../../shared/ui/appearance'
import { withSaved } from '../../shared/data/activity-lists'
import { canMove, UNASSIGNED, type CalendarEvent, type Grouping, type ResourceId } from './calendar-events'
import { formatBooking, fromWall, wallToDay } from '../../shared/time/shop-time'
import { placeOf } from '../booking/BookingDialog'

/** Where an event is drawn while its move is on its way to the core. */
export interface Placement {
  start: Date
  end: Date
  allDay: boolean
  resourceId: ResourceId
}

interface Options {
  timeZone: string
  grouping: Grouping
  view: View
  durationOf: (activityTypeId: number) => number
  /** A drop that still needs a time (an unbooked item dropped on a month day): ask in the dialog. */
  askForTime: (activity: Activity, day: string) => void
}

/**
 * Takes down every drop preview react-big-calendar drew for a card dragged in from the
 * Unbooked list. A column clears its preview only when a drag moves out of it or drops in
 * it; a release it did not take (over the gutter, an edge, another panel) left the preview
 * standing as a ghost event. A drag-over far outside every column makes each one reset.
 * Call it when the card's drag ends, before forgetting the dragged item.
 */
export function clearDropPreviews(): void {
  document.dispatchEvent(new DragEvent('dragover', { clientX: -10_000, clientY: -10_000, bubbles: true, cancelable: true }))
}

/** A refusal as stale means this window's copy is old: nothing was committed, so no `changed` event brings the current one. */
async function refreshIfStale<T>(answer: Promise<T>, queryClient: QueryClient): Promise<T> {
  try {
    return await answer
  } catch (error) {
    if (error instanceof ShopError && error.code === 'stale') void queryClient.invalidateQueries({ queryKey: ['activities'] })
    throw error
  }
}

const toDate = (d: string | Date) => (typeof d === 'string' ? new Date(d) : d)
const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000)

/** A day's date with another date's time of day: moving in month view keeps the hour. */
function onDayKeepingTime(day: Date, time: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), time.getHours(), time.getMinutes())
}

/**
 * Drag and drop, persisted. The event is drawn at its new place at once; the core decides.
 * A refusal (a clash, closed time, a status that may not move, a stale version) removes the
 * provisional placement, so the event snaps back, and says why.
 */
export function useCalendarMoves({ timeZone, grouping, view, durationOf, askForTime }: Options) {
  const queryClient = useQueryClient()
  const [placements, setPlacements] = useState<ReadonlyMap<number, Placement>>(new Map())
  // Saved: the answer is written into the cached lists (see persist), and the core's `changed`
  // event refreshes whatever else it changed. Refused: nothing changed, so nothing is refetched
  // (a second refetch of the month beside the event's cost a 2,000-row read and parse per drop),
  // except when the refusal says this window's copy is stale.
  //
  // Called directly rather than through a mutation: a mutation reaches its call a few promise
  // turns later, after React has drawn the placement (40–50 ms for a month of 2,000 events), so
  // the core's answer came back that much later. Sent first, it is on its way while the
  // placement is drawn.
  const bookCall = useCallback((input: ChannelInput<'activities.book'>) => refreshIfStale(call('activities.book', input), queryClient), [queryClient])
  const setDueDateCall = useCallback(
    (input: ChannelInput<'activities.setDueDate'>) => refreshIfStale(call('activities.setDueDate', input), queryClient),
    [queryClient],
  )

  const persist = useCallback(
    async (activity: Activity, placement: Placement | null, save: () => Promise<Activity>) => {
      const saving = save()
      // Sent before the placement is drawn, so the answer is on its way meanwhile. Set while the
      // library handles the mouseup: both are drawn in one redraw of the month.
      if (placement) setPlacements((m) => new Map(m).set(activity.id, placement))
      try {
        const saved = await saving
        // The core's answer is the stored activity: drawn from it at once, rather than after
        // refetching the whole month (2,000 rows) first. The core's `changed` event then reads
        // this one activity again (queries.ts), finds it as drawn and draws nothing.
        for (const [key, old] of queryClient.getQueriesData<Activity[]>({ queryKey: ['activities'] })) {
          if (!Array.isArray(old)) continue
          if (key[1] === 'activities.range') {
            queryClient.setQueryData(key, withSaved(old, saved, key[2] as { from: string; to: string }, timeZone))
            continue
          }
          const booked = key[1] === 'activities.unbooked' && saved.start !== null
          queryClient.setQueryData(key, booked ? old.filter((a) => a.id !== saved.id) : old.map((a) => (a.id === saved.id ? saved : a)))
        }
        notifications.show({
          color: 'teal',
          title: saved.start ? 'Booked' : 'Due date moved',
          message: `${saved.typeName} · ${saved.vehicleLabel}: ${
            saved.start ? formatBooking(saved.start, saved.end, timeZone) : saved.dueDate
          }${placeOf(saved)}`,
        })
      } catch (error) {
        const { title, message } = describeRefusal(error)
        notifications.show({ color: 'red', title, message, autoClose: 8000 })
        if (!(error instanceof ShopError)) console.error(error)
      } finally {
        // Saved: the cache holds the answer. Refused: it still holds the event where it was.
        // Either way the placement can go now; the core's `changed` event brings whatever else changed.
        setPlacements((m) => {
          if (!m.has(activity.id)) return m
          const next = new Map(m)
          next.delete(activity.id)
          return next
        })
      }
    },
    [queryClient, timeZone],
  )

  /**
   * The bay and technician a drop asks for. Left out, the core keeps a booking's own (a
   * booking without a bay gets the first free one) and gives unbooked work the first free
   * bay and technician; so in the whole-shop view nothing is said, and a column says its own.
   */
  const resourcesFor = useCallback(
    (resourceId: string | number | undefined): { bayId?: number | null; technicianId?: number | null } => {
      if (resourceId === undefined || grouping === 'shop') return {}
      // The "No bay" column: a booking still takes a bay, the first free one.
      const id = resourceId === UNASSIGNED ? null : Number(resourceId)
      return grouping === 'bay' ? { bayId: id } : { technicianId: id }
    },
    [grouping],
  )

  const refuseIfFixed = useCallback((a: Activity): boolean => {
    if (canMove(a)) return false
    notifications.show({
      color: 'red',
      title: 'This one cannot move',
      message: `${STATUS_LABEL[a.status]} work stays where it is${a.status === 'missed' ? '; rebook it from its panel' : ''}.`,
    })
    return true
  }, [])

  const book = useCallback(
    (a: Activity, start: Date, end: Date, resourceId: string | number | undefined) => {
      const where = resourcesFor(resourceId)
      const placement: Placement = {
        start,
        end,
        allDay: false,
        resourceId: (grouping === 'bay' ? (where.bayId ?? a.bayId) : grouping === 'technician' ? (where.technicianId ?? a.technicianId) : null) ?? UNASSIGNED,
      }
      return persist(a, placement, () => bookCall({ id: a.id, version: a.version, start: fromWall(start, timeZone), end: fromWall(end, timeZone), ...where }))
    },
    [bookCall, grouping, persist, resourcesFor, timeZone],
  )

  const onEventDrop = useCallback(
    ({ event, start, end, isAllDay, resourceId }: EventInteractionArgs<CalendarEvent>) => {
      const a = event.activity
      if (refuseIfFixed(a)) return
      const s = toDate(start)
      if (event.allDay) {
        // Unbooked: another day moves its due date; a time slot books it.
        if (isAllDay || view === 'month') {
          const day = wallToDay(s)
          if (day === a.dueDate) return
          return void persist(a, { start: s, end: s, allDay: true, resourceId: event.resourceId }, () =>
            setDueDateCall({ id: a.id, version: a.version, dueDate: day }),
          )
        }
        return void book(a, s, addMinutes(s, durationOf(a.activityTypeId)), resourceId)
      }
      const minutes = Math.round((event.end.getTime() - event.start.getTime()) / 60_000)
      // Month cells and the all-day row carry a day, not a time: keep the booked hour.
      const newStart = isAllDay || view === 'month' ? onDayKeepingTime(s, event.start) : s
      const newEnd = isAllDay || view === 'month' ? addMinutes(newStart, minutes) : toDate(end)
      const where = resourcesFor(resourceId)
      const samePlace = (where.bayId === undefined || where.bayId === a.bayId) && (where.technicianId === undefined || where.technicianId === a.technicianId)
      if (samePlace && newStart.getTime() === event.start.getTime() && newEnd.getTime() === event.end.getTime()) return
      void book(a, newStart, newEnd, resourceId)
    },
    [book, durationOf, persist, refuseIfFixed, resourcesFor, setDueDateCall, view],
  )

  const onEventResize = useCallback(
    ({ event, start, end }: EventInteractionArgs<CalendarEvent>) => {
      if (refuseIfFixed(event.activity) || event.allDay) return
      void book(event.activity, toDate(start), toDate(end), undefined)
    },
    [book, refuseIfFixed],
  )

  const dropFromOutside = useCallback(
    (a: Activity, { start, allDay, resource }: DragFromOutsideItemArgs) => {
      const s = toDate(start)
      // A month cell or the all-day row gives a day, not a time: the library even says
      // `allDay: false` there, with midnight, which the time grid (from opening time) never gives.
      const dayOnly = allDay || view === 'month' || (s.getHours() === 0 && s.getMinutes() === 0)
      if (dayOnly) return askForTime(a, wallToDay(s))
      void book(a, s, addMinutes(s, durationOf(a.activityTypeId)), resource)
    },
    [askForTime, book, durationOf, view],
  )

  const pendingIds = useMemo(() => new Set(placements.keys()), [placements])
  return { placements, pendingIds, onEventDrop, onEventResize, dropFromOutside }
}
