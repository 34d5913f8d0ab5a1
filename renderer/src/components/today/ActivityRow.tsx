import { Group, Text, UnstyledButton } from '@mantine/core'
import type { Activity } from '../../../../shared/domain/activities'
import { useActivityPanel } from '../activity/ActivityPanel'
import { CATEGORY_ICON, CATEGORY_LABEL, StatusBadge } from '../activity/appearance'
import { formatDay, formatTime, toWall, wallToDay } from '../calendar/shop-time'
import { coreToday } from '../../lib/shop-clock'

interface Props {
  activity: Activity
  timeZone: string
  /** What the first column shows: today's booked time, or the day (with its time when booked). */
  lead: 'time' | 'due'
}

/** One activity in a dashboard list; the whole row opens its panel. */
export function ActivityRow({ activity: a, timeZone, lead }: Props) {
  const panel = useActivityPanel()
  const Icon = CATEGORY_ICON[a.category]
  // The year only when it is not this year's (old overdue work).
  const thisYear = coreToday(timeZone).slice(0, 4)
  const shortDay = (iso: string) => (iso.startsWith(thisYear) ? formatDay(iso).replace(/, \d{4}$/, '') : formatDay(iso))
  const when =
    lead === 'time' && a.start
      ? formatTime(a.start, timeZone)
      : a.start
        ? `${shortDay(wallToDay(toWall(a.start, timeZone)))}, ${formatTime(a.start, timeZone)}`
        : shortDay(a.dueDate)
  return (
    <UnstyledButton
      onClick={() => panel.open(a.id)}
      w="100%"
      px={6}
      py={4}
      style={{ borderRadius: 4 }}
      className="today-row"
      data-activity-id={a.id}
      aria-label={`${a.typeName}, ${a.vehicleLabel}, ${a.customerName}, ${when}`}
    >
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={600} w={lead === 'time' ? 76 : 186} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
          {when}
        </Text>
        <Icon size={16} aria-label={CATEGORY_LABEL[a.category]} style={{ flex: 'none' }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" truncate>
            {a.typeName} · {a.vehicleLabel}
            {a.licensePlate ? ` (${a.licensePlate})` : ''}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {a.customerName}
            {a.bayName ? ` · ${a.bayName}` : ''}
            {a.technicianName ? ` · ${a.technicianName}` : ''}
          </Text>
        </div>
        {/* Scheduled is the normal case: only a status worth noticing takes room. */}
        {a.status !== 'scheduled' && <StatusBadge status={a.status} />}
      </Group>
    </UnstyledButton>
  )
}
