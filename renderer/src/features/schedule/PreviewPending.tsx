import { Group, Loader, Text } from '@mantine/core'
import { Notice } from '../../shared/ui/Notice'

/**
 * What a re-plan dialog shows before its preview counts arrive: working, or why there is no
 * preview. Shared by schedule-all and a single vehicle's reconcile.
 */
export function PreviewPending({ pending, error }: { pending: boolean; error: Error | null }) {
  if (pending) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text>Working out what would change…</Text>
      </Group>
    )
  }
  if (error) {
    return (
      <Notice tone="error" title="No preview" role="alert">
        {error.message}
      </Notice>
    )
  }
  return null
}
