import { useCallback, useMemo, useState } from 'react'
import { Alert, Box, Button, Group, Stack } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { Link } from 'react-router'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import type { DragFromOutsideItemArgs } from 'react-big-calendar/lib/addons/dragAndDrop'
import type { Activity } from '../../../../shared/domain/activities'
import { useChannel } from '../../shared/data/queries'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { BookingDialog, type BookingRequest } from '../booking/BookingDialog'
import { CalendarFilters, NO_FILTERS, type Filters } from './CalendarFilters'
import { CalendarLegend } from './CalendarLegend'
import { CalendarToolbar } from './CalendarToolbar'
import { CalendarView } from './CalendarView'
import { resourcesFor, toCalendarEvent, type CalendarEvent } from './calendar-events'
import { shareActivities } from '../../shared/data/activity-lists'
import { shopHoursShading, type BusyLanes } from './shop-hours'
import { nowWall, toWall, wallToDay } from '../../shared/time/shop-time'
import { UnbookedList } from './UnbookedList'
import { ExportMenu } from '../invites/ExportMenu'
import { clearDropPreviews, useCalendarMoves } from './use-calendar-moves'
import { useShopReference } from '../../shared/data/use-shop-reference'
import { useCalendarPlace } from './use-calendar-place'
import { step, visibleRange } from './visible-range'
import { useAutobook } from '../autobook/use-autobook'
import { AutobookActions } from '../autobook/AutobookActions'
import { ProposalPanel } from '../autobook/ProposalPanel'
import { toProposalEvent } from './proposal-events'

// Fills the window below the page's header, filters and legend; at 1280×800 that is ~560px.
const CALENDAR_HEIGHT = 'max(520px, calc(100vh - 250px))'

export function CalendarPage() {
  const ref = useShopReference()
  const panel = useActivityPanel()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [text] = useDebouncedValue(filters.text.trim(), 250)
  const [booking, setBooking] = useState<BookingRequest | null>(null)
  const [dragged, setDragged] = useState<Activity | null>(null)

  // Until the user navigates, the calendar follows the shop's today (its zone loads async).
  // One Date per zone, not per render: the memoized calendar compares it by identity.
  const today = useMemo(() => nowWall(ref.timeZone), [ref.timeZone])
  const { view, setView, date, setDate, grouping, setGrouping } = useCalendarPlace(today)
  const shownDate = date ?? today
  const { from, to } = visibleRange(view, shownDate)
  // Stable while the days shown stay the same: the memoized parts around the month compare it by identity.
  const range = useMemo(() => ({ from, to }), [from, to])
  const week = visibleRange('week', shownDate)
  const weekRange = useMemo(() => ({ from: week.from, to: week.to }), [week.from, week.to])

  const activities = useChannel(
    'activities.range',
    {
      ...range,
      status: filters.status.length ? filters.status : undefined,
      category: filters.category.length ? filters.category : undefined,
      bayId: filters.bayId ?? undefined,
      technicianId: filters.technicianId ?? undefined,
      text: text || undefined,
    },
    // By id: a refetch after a drop lists the moved booking elsewhere, and every other one keeps its object.
    { placeholderData: keepPreviousData, structuralSharing: shareActivities },
  )
  const closures = useChannel('closures.list', range, { placeholderData: keepPreviousData })
  // Technicians' own calendars (connected in Settings → Calendar accounts): drawn on their lanes.
  const lanesByTechnician = grouping === 'technician' && (view === 'week' || view === 'day')
  const busyTime = useChannel('sync.busyTime', range, { enabled: lanesByTechnician, placeholderData: keepPreviousData })

  const askForTime = useCallback((activity: Activity, day: string) => setBooking({ activity, day }), [])
  const moves = useCalendarMoves({ timeZone: ref.timeZone, grouping, view, durationOf: ref.durationOf, askForTime })

  const autobook = useAutobook()
  const { proposal, chosen } = autobook
  const events = useMemo(() => {
    let list = (activities.data ?? []).map((a) => toCalendarEvent(a, ref.timeZone, grouping))
    if (moves.placements.size > 0) {
      list = list.map((e) => {
        const p = moves.placements.get(e.id)
        return p ? { ...e, ...p } : e
      })
    }
    // The ticked proposals, drawn hatched beside the real bookings until accepted or discarded.
    if (!proposal) return list
    return [...list, ...proposal.items.filter((p) => chosen.has(p.activityId)).map((p) => toProposalEvent(p, ref.timeZone, grouping))]
  }, [activities.data, ref.timeZone, grouping, moves.placements, proposal, chosen])

  // Events and their pending marks change together. Drawn at once, not deferred: a deferred
  // redraw of 2,000 events was started over by every update that came in meanwhile (the core's
  // answer, its `changed` event, a toast), and a drop's new place showed only after them all.
  const { pendingIds } = moves
  const drawn = useMemo(() => ({ events, pendingIds }), [events, pendingIds])
  const resources = useMemo(() => resourcesFor(grouping, ref.bays, ref.technicians, activities.data), [grouping, ref.bays, ref.technicians, activities.data])
  const busy = useMemo(() => {
    const lanes = new Map<number, { start: number; end: number }[]>()
    if (!lanesByTechnician) return lanes
    for (const b of busyTime.data ?? []) {
      const list = lanes.get(b.technicianId) ?? []
      list.push({ start: toWall(b.start, ref.timeZone).getTime(), end: toWall(b.end, ref.timeZone).getTime() })
      lanes.set(b.technicianId, list)
    }
    return lanes as BusyLanes
  }, [busyTime.data, ref.timeZone, lanesByTechnician])
  const shading = useMemo(() => shopHoursShading(ref.hours, closures.data ?? [], grouping, busy), [ref.hours, closures.data, grouping, busy])

  // A proposal stands for unbooked work: its panel is that work's.
  const openEvent = useCallback((e: CalendarEvent) => panel.open(e.proposed ? e.activity.id : e.id), [panel])
  const { timeZone, durationOf } = ref
  const dragFromOutsideItem = useCallback((): CalendarEvent => {
    // react-big-calendar sizes its drop preview from this. With nothing of ours in hand (a file
    // dragged in from the desktop) it gets null, which it takes as "not for me".
    const a = dragged
    if (!a) return null as unknown as CalendarEvent
    const start = nowWall(timeZone)
    const end = new Date(start.getTime() + durationOf(a.activityTypeId) * 60_000)
    return { id: a.id, title: a.typeName, start, end, allDay: false, resourceId: 'none', activity: a }
  }, [dragged, timeZone, durationOf])
  const { dropFromOutside } = moves
  const onDropFromOutside = useCallback(
    (args: DragFromOutsideItemArgs) => {
      if (dragged) dropFromOutside(dragged, args)
      setDragged(null)
    },
    [dragged, dropFromOutside],
  )
  const onNavigate = useCallback((d: Date) => setDate(d), [setDate])
  const onToday = useCallback(() => setDate(nowWall(timeZone)), [setDate, timeZone])
  const onStep = useCallback((d: 1 | -1) => setDate((shown, latestView) => step(latestView, shown, d)), [setDate])
  const onDragEnd = useCallback(() => {
    clearDropPreviews()
    setDragged(null)
  }, [])
  const onBook = useCallback((activity: Activity) => setBooking({ activity }), [])
  const { open: openPanel } = panel
  const onOpen = useCallback((activity: Activity) => openPanel(activity.id), [openPanel])
  const closeBooking = useCallback(() => setBooking(null), [])

  return (
    <Stack gap="xs">
      <CalendarToolbar view={view} date={shownDate} grouping={grouping} onView={setView} onToday={onToday} onStep={onStep} onGrouping={setGrouping} />
      {/* Beside the filters, not in the toolbar: by bay or technician, the week and day
          toolbars are full at the window's minimum width (1280px). */}
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
        <CalendarFilters value={filters} onChange={setFilters} bays={ref.bays} technicians={ref.technicians} />
        <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
          <AutobookActions autobook={autobook} week={weekRange} />
          <Button
            component={Link}
            to={`/day-sheet?day=${wallToDay(shownDate)}&by=${grouping === 'technician' ? 'technician' : 'bay'}`}
            variant="default"
            size="xs"
            leftSection={<IconPrinter size={14} aria-hidden />}
          >
            Day sheet
          </Button>
          <ExportMenu range={range} compact />
        </Group>
      </Group>
      <CalendarLegend busy={busy.size > 0} />
      {activities.error && (
        <Alert color="red" title="Could not load the calendar" role="alert">
          {activities.error.message}
        </Alert>
      )}
      <Group align="stretch" gap="sm" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }} aria-busy={activities.isFetching} data-testid="calendar">
          <CalendarView
            events={drawn.events}
            view={view}
            date={shownDate}
            onView={setView}
            onNavigate={onNavigate}
            resources={grouping === 'shop' ? undefined : resources}
            shading={shading}
            timeZone={ref.timeZone}
            pendingIds={drawn.pendingIds}
            onSelectEvent={openEvent}
            onEventDrop={moves.onEventDrop}
            onEventResize={moves.onEventResize}
            onDropFromOutside={onDropFromOutside}
            dragFromOutsideItem={dragFromOutsideItem}
            height={CALENDAR_HEIGHT}
          />
        </Box>
        <Box w={proposal ? 280 : 240} style={{ flex: 'none' }}>
          {proposal ? (
            <ProposalPanel
              proposal={proposal}
              timeZone={ref.timeZone}
              chosen={chosen}
              onChosen={autobook.setChosen}
              onAccept={autobook.accept}
              onDiscard={autobook.discard}
              accepting={autobook.accepting}
              height={CALENDAR_HEIGHT}
            />
          ) : (
            <UnbookedList
              today={wallToDay(today)}
              text={text}
              onDragStart={setDragged}
              onDragEnd={onDragEnd}
              onBook={onBook}
              onOpen={onOpen}
              height={CALENDAR_HEIGHT}
            />
          )}
        </Box>
      </Group>
      <BookingDialog request={booking} onClose={closeBooking} />
    </Stack>
  )
}
