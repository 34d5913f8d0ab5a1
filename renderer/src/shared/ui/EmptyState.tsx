import type { ReactNode } from 'react'
import { Paper, Stack, Text } from '@mantine/core'

/** What an empty list says instead of a blank table: why it is empty and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap={6}>
        <Text fw={600}>{title}</Text>
        {children && (
          <Text c="dimmed" size="sm" ta="center" maw={460}>
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  )
}
