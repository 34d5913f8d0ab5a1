import type { ReactNode } from 'react'
import { Anchor, Group, Text, Title } from '@mantine/core'
import { Link } from 'react-router'

const PAGES = [
  { to: '/sync-inbox', label: 'Sync inbox' },
  { to: '/sync-log', label: 'Sync log' },
  { to: '/settings?tab=calendars', label: 'Calendar accounts' },
] as const

/**
 * The head of the sync inbox and the sync log: the page's title, what it shows, links to the
 * other sync pages (not to itself), and the page's own action on the right.
 */
export function SyncPageHeader({ title, description, action }: { title: (typeof PAGES)[number]['label']; description: string; action?: ReactNode }) {
  const others = PAGES.filter((p) => p.label !== title)
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}{' '}
          {others.map((p, i) => (
            <span key={p.to}>
              {i > 0 && ' · '}
              <Anchor component={Link} to={p.to} size="sm" underline="always">
                {p.label}
              </Anchor>
            </span>
          ))}
        </Text>
      </div>
      {action}
    </Group>
  )
}
