import { Group, Paper, Text } from '@mantine/core'
import type { ReconcileCounts as Counts } from '../../../../shared/domain/schedule'

const KINDS = [
  { key: 'add', label: 'to add', color: 'green.9' },
  { key: 'move', label: 'to move', color: 'blue.8' },
  { key: 'remove', label: 'to remove', color: 'red.8' },
] as const

/** The three numbers a reconcile would change, side by side, so the desk sees the size of it before saying yes. */
export function ReconcileCounts({ counts, label = 'What the scheduler would change' }: { counts: Counts; label?: string }) {
  return (
    <Group gap="sm" grow role="group" aria-label={label}>
      {KINDS.map(({ key, label: what, color }) => (
        <Paper key={key} withBorder p="sm" radius="md" data-testid={`count-${key}`}>
          <Text fz={28} fw={700} c={counts[key] > 0 ? color : 'gray.7'} lh={1.1}>
            {counts[key]}
          </Text>
          <Text size="sm" c="dimmed">
            {what}
          </Text>
        </Paper>
      ))}
    </Group>
  )
}

export const totalChanges = (c: Counts): number => c.add + c.move + c.remove
