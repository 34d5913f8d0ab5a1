import type { ReactNode } from 'react'
import { Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { ShopError } from '../data/shop'
import { Notice } from './Notice'

interface Props {
  title: string
  description?: string
  /** Buttons at the right of the heading (e.g. "Add bay"). */
  actions?: ReactNode
  /** A section waits for its data and says so when it cannot load it. */
  loading?: boolean
  error?: ShopError | null
  children?: ReactNode
}

/** The common frame of a settings tab: heading, one line on what it affects, then the content. */
export function SectionFrame({ title, description, actions, loading, error, children }: Props) {
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h3">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      {error ? (
        <Notice tone="error" title="Could not load" role="alert">
          {error.message}
        </Notice>
      ) : loading ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text>Loading…</Text>
        </Group>
      ) : (
        children
      )}
    </Stack>
  )
}
