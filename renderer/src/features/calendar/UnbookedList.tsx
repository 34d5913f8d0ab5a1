import { memo, useState } from 'react'
import { Badge, Button, Group, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { IconGripVertical } from '@tabler/icons-react'
import type { Activity } from '../../../../shared/domain/activities'
import { useChannel } from '../../shared/data/queries'
import { CATEGORY_ICON, CATEGORY_LABEL } from '../../shared/ui/appearance'
import { addDays, formatDay } from '../../shared/time/shop-time'

/** One page: enough to work through; "Show more" adds the next, the search and range narrow. */
const PAGE = 50
/** The channel's largest page. */
const MOST = 200

const RANGES = [
  { value: 'all', label: 'All due work' },
  { value: '14', label: 'Due within 2 weeks' },
  { value: '31', label: 'Due within a month' },
  { value: '92', label: 'Due within 3 months' },
]

interface Props {
  /** The shop's today, `YYYY-MM-DD`: ranges count from it. Overdue work is always listed. */
  today: string
  text: string
  onDragStart: (activity: Activity) => void
  onDragEnd: () => void
  onBook: (activity: Activity) => void
  onOpen: (activity: Activity) => void
  height: string
}

/**
 * Due work with no time yet, most pressing first. Each row drags onto a time slot to book
 * it; "Book…" does the same from the keyboard.
 */
export const UnbookedList = memo(function UnbookedList({ today, text, onDragStart, onDragEnd, onBook, onOpen, height }: Props) {
  const [range, setRange] = useState('all')
  const [limit, setLimit] = useState(PAGE)
  const to = range === 'all' ? undefined : addDays(today, Number(range))
  const { data, isPending, error } = useChannel('activities.unbookedPage', { to, text: text || undefined, limit }, { placeholderData: keepPreviousData })
  const items = data?.items ?? []
  const total = data?.total ?? 0
  return (
    <Stack gap="xs" h={height} component="section" aria-labelledby="unbooked-title">
      <Group justify="space-between">
        <Title order={3} size="h5" id="unbooked-title">
          Unbooked
        </Title>
        <Badge variant="light" color="gray" aria-label={`${total} unbooked`}>
          {total}
        </Badge>
      </Group>
      <Select
        size="xs"
        label="Show"
        data={RANGES}
        value={range}
        onChange={(v) => {
          setRange(v ?? 'all')
          setLimit(PAGE)
        }}
        allowDeselect={false}
      />
      <Text size="xs" c="dimmed">
        Drag onto the week or day view to book, or use “Book…”
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto" scrollbars="y" offsetScrollbars="y">
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Unbooked activities">
          {isPending && <Text size="sm">Loading…</Text>}
          {error && (
            <Text size="sm" c="red">
              {error.message}
            </Text>
          )}
          {!isPending && items.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing due without a time.
            </Text>
          )}
          {items.map((a) => (
            <UnbookedItem key={a.id} activity={a} onDragStart={onDragStart} onDragEnd={onDragEnd} onBook={onBook} onOpen={onOpen} />
          ))}
          {total > items.length && (
            <li>
              {limit < MOST ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setLimit((n) => Math.min(MOST, n + PAGE))}>
                  Show more ({total - items.length} not shown)
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {total - items.length} more: search or pick a shorter range.
                </Text>
              )}
            </li>
          )}
        </Stack>
      </ScrollArea>
    </Stack>
  )
})

function UnbookedItem({ activity: a, onDragStart, onDragEnd, onBook, onOpen }: Omit<Props, 'today' | 'text' | 'height'> & { activity: Activity }) {
  const Icon = CATEGORY_ICON[a.category]
  return (
    <Paper
      component="li"
      withBorder
      p={6}
      className="shop-unbooked-item"
      draggable
      data-activity-id={a.id}
      aria-label={`${a.typeName}, ${a.vehicleLabel}, due ${formatDay(a.dueDate)}`}
      onDragStart={(e: React.DragEvent) => {
        // Some browsers start no drag without data.
        e.dataTransfer.setData('text/plain', String(a.id))
        e.dataTransfer.effectAllowed = 'move'
        onDragStart(a)
      }}
      onDragEnd={onDragEnd}
      style={{ borderLeft: `4px solid ${a.urgency === 'overdue' ? '#b3202a' : a.urgency === 'due_soon' ? '#b5460f' : '#3b4cc0'}` }}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <IconGripVertical size={14} aria-hidden style={{ marginTop: 2, flex: 'none', color: '#868e96' }} />
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={4} wrap="nowrap">
            <Icon size={13} aria-label={CATEGORY_LABEL[a.category]} />
            <Text size="sm" fw={600} truncate>
              {a.typeName}
            </Text>
          </Group>
          <Text size="xs" truncate>
            {a.vehicleLabel}
            {a.licensePlate ? ` · ${a.licensePlate}` : ''}
          </Text>
          <Text size="xs" c={a.urgency === 'overdue' ? 'red.8' : 'dimmed'}>
            {a.urgency === 'overdue' ? 'Overdue since ' : 'Due '}
            {formatDay(a.dueDate)}
          </Text>
          <Group gap={4} mt={2}>
            <Button size="compact-xs" variant="light" onClick={() => onBook(a)} aria-label={`Book ${a.typeName} for ${a.vehicleLabel}`}>
              Book…
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => onOpen(a)} aria-label={`Details of ${a.typeName} for ${a.vehicleLabel}`}>
              Details
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  )
}
