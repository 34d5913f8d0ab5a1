import { Children, useState, type ReactNode } from 'react'
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core'

interface Props {
  title: string
  count: number
  empty: string
  children: ReactNode
  /** Right of the title: a toggle or a link. */
  action?: ReactNode
  maxHeight?: number
  /**
   * Shows the first `limit` rows and a "Show all (N)" button instead of a scrolling box: a
   * long list (overdue work after an import) stays reachable without scrolling a small box.
   */
  limit?: number
  color?: string
}

/** A titled dashboard card with a count and a scrolling list. */
export function ListCard({ title, count, empty, children, action, maxHeight = 240, limit, color = 'gray' }: Props) {
  const id = `card-${title.toLowerCase().replace(/\W+/g, '-')}`
  const [all, setAll] = useState(false)
  const rows = Children.toArray(children)
  const capped = limit !== undefined && rows.length > limit
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6}>
          <Title order={3} size="h5" id={id}>
            {title}
          </Title>
          <Badge variant="light" color={color}>
            {count}
          </Badge>
        </Group>
        {action}
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        // A plain scrolling box: Mantine's ScrollArea sizes its content to the widest row, which
        // pushes the status badges out of sight instead of truncating the titles.
        <Stack gap={2} mah={limit === undefined ? maxHeight : undefined} style={{ overflowY: 'auto', overflowX: 'hidden' }} pr={4}>
          {capped && !all ? rows.slice(0, limit) : rows}
        </Stack>
      )}
      {capped && (
        <Group justify="flex-end" mt={4}>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} aria-expanded={all}>
            {all ? 'Show fewer' : `Show all (${rows.length})`}
          </Button>
        </Group>
      )}
    </Card>
  )
}
