/**
 * How statuses and categories look everywhere (calendar, panel, Today): one place, so the
 * legend always tells the truth. Status is the fill colour; category is an icon and a label,
 * never colour alone, so it reads for colour-blind users and in greyscale prints.
 */
import { Badge, type MantineColor } from '@mantine/core'
import { IconClipboardCheck, IconDots, IconTool, IconHammer, type Icon } from '@tabler/icons-react'
import type { ActivityStatus } from '../../../../shared/domain/activities'
import type { Category } from '../../../../shared/domain/activity-types'

export const STATUS_LABEL: Record<ActivityStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  missed: 'Missed',
}

export const STATUS_COLOR: Record<ActivityStatus, MantineColor> = {
  scheduled: 'indigo',
  in_progress: 'orange',
  completed: 'teal',
  cancelled: 'gray',
  missed: 'red',
}

/**
 * Calendar fills: dark enough for white text at 4.5:1 (WCAG AA), since event titles are small.
 * Background, border.
 */
export const STATUS_FILL: Record<ActivityStatus, { bg: string; border: string }> = {
  scheduled: { bg: '#3b4cc0', border: '#26338a' },
  in_progress: { bg: '#b5460f', border: '#7a2e08' },
  completed: { bg: '#0b7a5a', border: '#06533d' },
  cancelled: { bg: '#5f6670', border: '#3c4148' },
  missed: { bg: '#b3202a', border: '#7a141b' },
}

export const CATEGORY_LABEL: Record<Category, string> = {
  inspection: 'Inspection',
  maintenance: 'Maintenance',
  repair: 'Repair',
  other: 'Other',
}

export const CATEGORY_ICON: Record<Category, Icon> = {
  inspection: IconClipboardCheck,
  maintenance: IconTool,
  repair: IconHammer,
  other: IconDots,
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return (
    // The calendar's own fills: Mantine's default shades of teal and orange fail 4.5:1 under white.
    <Badge color={STATUS_FILL[status].bg} variant="filled" radius="sm">
      {STATUS_LABEL[status]}
    </Badge>
  )
}

export function CategoryBadge({ category }: { category: Category }) {
  const Icon = CATEGORY_ICON[category]
  return (
    <Badge color="gray" variant="light" radius="sm" leftSection={<Icon size={12} aria-hidden />}>
      {CATEGORY_LABEL[category]}
    </Badge>
  )
}
