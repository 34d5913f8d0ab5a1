import { Group, Text, UnstyledButton } from '@mantine/core'
import type { Activity } from '../../../../shared/domain/activities'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { CATEGORY_ICON, CATEGORY_LABEL, StatusBadge } from '../../shared/ui/appearance'
import { shopDay } from '../../../../shared/shop-day'
import { formatDay, formatTime } from '../../shared/time/shop-time'
import { coreToday } from '../../shared/time/shop-clock'

type Lead = 'time' | 'due'

interface Props {
  activity: Activity
  timeZone: string
  /** What the first column shows: today's booked time, or the day (with its time when booked). */
  lead: Lead
  /** The first column's width, the same for every row of a list (`leadWidth`); a default fits any. */
  leadW?: string
}

/** The first column's text: "9:00 AM", "Mon, Mar 2", "Thu, Mar 12, 10:30 AM" (the year only when not this year's). */
export function whenOf(a: Activity, timeZone: string, lead: Lead): string {
  const thisYear = coreToday(timeZone).slice(0, 4)
  const shortDay = (iso: string) => (iso.startsWith(thisYear) ? formatDay(iso).replace(/, \d{4}$/, '') : formatDay(iso))
  if (lead === 'time' && a.start) return formatTime(a.start, timeZone)
  return a.start ? `${shortDay(shopDay(a.start, timeZone))}, ${formatTime(a.start, timeZone)}` : shortDay(a.dueDate)
}

/**
 * One width for a list's first column, as wide as its longest entry (0.64em a character:
 * the widest bold digits and capitals of the UI font measured at 1280 px): a list of plain
 * days does not give a booked time's room away from the vehicle names.
 */
export function leadWidth(list: readonly Activity[], timeZone: string, lead: Lead): string {
  const longest = Math.max(4, ...list.map((a) => whenOf(a, timeZone, lead).length))
  return `${(longest * 0.64).toFixed(2)}em`
}

/** One activity in a dashboard list; the whole row opens its panel. */
export function ActivityRow({ activity: a, timeZone, lead, leadW }: Props) {
  const panel = useActivityPanel()
  const Icon = CATEGORY_ICON[a.category]
  const when = whenOf(a, timeZone, lead)
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
        <Text size="sm" fw={600} w={leadW ?? (lead === 'time' ? 76 : 186)} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
          {when}
        </Text>
        <Icon size={16} aria-label={CATEGORY_LABEL[a.category]} style={{ flex: 'none' }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          {/* Wraps onto a second line rather than cutting the vehicle's name short. */}
          <Text size="sm" lineClamp={2} data-row-title>
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
