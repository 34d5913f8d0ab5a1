import { Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { Activity } from '../../../../shared/domain/activities'
import { formatDate } from '../../shared/time/format'
import { CategoryBadge, StatusBadge } from '../../shared/ui/appearance'
import { shopTimeZone } from '../../shared/time/shop-clock'

// Booked times in the shop's zone (read when drawn: the zone comes with the core's clock).
const timeFormat = {
  format: (d: Date) =>
    new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: shopTimeZone() ?? undefined,
    }).format(d),
}

/** Where and when it is booked, or that it is not yet: the first thing the desk asks. */
function bookingLine(a: Activity): string {
  if (!a.start) return 'Not booked'
  const where = [a.bayName, a.technicianName].filter(Boolean).join(' · ')
  return `Booked ${timeFormat.format(new Date(a.start))}${where ? ` · ${where}` : ''}`
}

/** How finished work ended: who completed it and at what mileage, or why it was cancelled. */
function outcomeLine(a: Activity): string | null {
  if (a.status === 'completed') {
    const parts = [a.completedAt && `Completed ${formatDate(a.completedAt.slice(0, 10))}`, a.completedBy && `by ${a.completedBy}`]
    if (a.completionOdometer != null) parts.push(`at ${a.completionOdometer.toLocaleString()} mi`)
    return parts.filter(Boolean).join(' ')
  }
  if (a.status === 'cancelled') return a.cancelReason ? `Cancelled: ${a.cancelReason}` : 'Cancelled'
  if (a.status === 'missed') return 'Missed: not started in time'
  return null
}

/** One activity on the vehicle's timeline; the whole row is a button that opens the activity panel. */
export function ScheduleRow({ activity: a, onOpen }: { activity: Activity; onOpen(id: number): void }) {
  const finished = a.status === 'completed' || a.status === 'cancelled' || a.status === 'missed'
  return (
    <UnstyledButton
      w="100%"
      px={10}
      py={8}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      onClick={() => onOpen(a.id)}
      aria-label={`${a.typeName}, due ${formatDate(a.dueDate)}, ${a.status.replace('_', ' ')}. Open details`}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text fw={600} size="sm" truncate>
              {a.typeName}
            </Text>
            <CategoryBadge category={a.category} />
          </Group>
          <Text size="xs" c="dimmed">
            {finished ? (outcomeLine(a) ?? '') : bookingLine(a)}
          </Text>
        </Stack>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            Due {formatDate(a.dueDate)}
          </Text>
          <StatusBadge status={a.status} />
        </Group>
      </Group>
    </UnstyledButton>
  )
}
