import { memo } from 'react'
import { Group, Text } from '@mantine/core'
import { ACTIVITY_STATUSES } from '../../../../shared/domain/activities'
import { CATEGORIES } from '../../../../shared/domain/activity-types'
import { CATEGORY_ICON, CATEGORY_LABEL, STATUS_FILL, STATUS_LABEL } from '../../shared/ui/appearance'

/** What the colours, icons and dashed borders mean; `busy` when technicians' own busy time is drawn. */
export const CalendarLegend = memo(function CalendarLegend({ busy = false }: { busy?: boolean }) {
  return (
    <Group gap="md" component="ul" aria-label="Legend" style={{ listStyle: 'none', padding: 0, margin: 0 }} wrap="wrap">
      {ACTIVITY_STATUSES.map((s) => (
        <Group key={s} gap={4} component="li" wrap="nowrap">
          <span aria-hidden style={{ width: 12, height: 12, borderRadius: 3, background: STATUS_FILL[s].bg, display: 'inline-block' }} />
          <Text size="xs">{STATUS_LABEL[s]}</Text>
        </Group>
      ))}
      <Group gap={4} component="li" wrap="nowrap">
        <span aria-hidden style={{ width: 12, height: 12, borderRadius: 3, border: `1px dashed ${STATUS_FILL.scheduled.border}`, display: 'inline-block' }} />
        <Text size="xs">Due, not booked</Text>
      </Group>
      <Group gap={4} component="li" wrap="nowrap">
        <span
          aria-hidden
          className="shop-closed"
          style={{
            width: 12,
            height: 12,
            borderRadius: 3,
            display: 'inline-block',
            background: 'repeating-linear-gradient(135deg, #dee2e6, #dee2e6 3px, #f1f3f5 3px, #f1f3f5 6px)',
          }}
        />
        <Text size="xs">Closed</Text>
      </Group>
      {busy && (
        <Group gap={4} component="li" wrap="nowrap">
          <span aria-hidden className="shop-legend-busy" />
          <Text size="xs">Busy (own calendar)</Text>
        </Group>
      )}
      {CATEGORIES.map((c) => {
        const Icon = CATEGORY_ICON[c]
        return (
          <Group key={c} gap={4} component="li" wrap="nowrap">
            <Icon size={14} aria-hidden />
            <Text size="xs">{CATEGORY_LABEL[c]}</Text>
          </Group>
        )
      })}
    </Group>
  )
})
