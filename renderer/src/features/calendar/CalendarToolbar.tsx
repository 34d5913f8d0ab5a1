import { memo } from 'react'
import { ActionIcon, Button, Group, SegmentedControl, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import type { View } from 'react-big-calendar'
import type { Grouping } from './calendar-events'
import { rangeLabel } from './visible-range'

const VIEW_OPTIONS = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
  { value: 'day', label: 'Day' },
  { value: 'agenda', label: 'Agenda' },
]
const GROUPING_OPTIONS = [
  { value: 'shop', label: 'Whole shop' },
  { value: 'bay', label: 'By bay' },
  { value: 'technician', label: 'By technician' },
]

interface Props {
  view: View
  date: Date
  grouping: Grouping
  onView: (view: View) => void
  onToday: () => void
  onStep: (direction: 1 | -1) => void
  onGrouping: (grouping: Grouping) => void
}

export const CalendarToolbar = memo(function CalendarToolbar({ view, date, grouping, onView, onToday, onStep, onGrouping }: Props) {
  const byResource = view === 'week' || view === 'day'
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="calendar-toolbar">
      <Group gap="xs" wrap="nowrap">
        {/* Tight: by technician, the longest week title ("Mar 29 – Apr 4, 2026") and both choices
            share the row at the window's minimum width (1280px). */}
        <Title order={2} mr={4}>
          Calendar
        </Title>
        <Button variant="default" size="sm" onClick={onToday}>
          Today
        </Button>
        <ActionIcon variant="default" size="lg" aria-label="Previous" onClick={() => onStep(-1)}>
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="default" size="lg" aria-label="Next" onClick={() => onStep(1)}>
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
        <Title order={3} size="h4" ml={4} aria-live="polite" data-testid="calendar-range" style={{ whiteSpace: 'nowrap' }}>
          {rangeLabel(view, date)}
        </Title>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {byResource && (
          <div role="group" aria-label="Columns">
            <SegmentedControl size="xs" data={GROUPING_OPTIONS} value={grouping} onChange={(v) => onGrouping(v as Grouping)} />
          </div>
        )}
        <div role="group" aria-label="View">
          <SegmentedControl size="xs" data={VIEW_OPTIONS} value={view} onChange={(v) => onView(v as View)} />
        </div>
      </Group>
    </Group>
  )
})
