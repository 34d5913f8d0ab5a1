import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ActivitySyncState as State } from '../../../../shared/domain/sync'
import { useChannel } from '../../shared/data/queries'
import { formatInstant, providerName } from './format'

const STATE_LABEL: Record<State['places'][number]['state'], { label: string; color: string }> = {
  creating: { label: 'Sending', color: 'blue' },
  live: { label: 'On the calendar', color: 'green' },
  deleted: { label: 'Removed there', color: 'gray' },
}

/**
 * The activity panel's "On calendars": where this booking shows on the connected calendars
 * (from the sync map) and whether a change of it still waits or was refused. Nothing at all
 * when the shop has no calendar connected and nothing waits.
 */
export function ActivitySyncState({ activityId, timeZone }: { activityId: number; timeZone: string }) {
  const state = useChannel('sync.forActivity', { activityId })
  const accounts = useChannel('sync.accounts', {})
  if (!state.data || !accounts.data || accounts.data.length === 0) return null
  const { places, pending } = state.data
  if (places.length === 0 && !pending) return null
  return (
    <Stack gap={4} aria-label="On calendars" role="group">
      <Text size="sm" fw={600}>
        On calendars
      </Text>
      {places.map((p) => {
        const s = STATE_LABEL[p.state]
        return (
          <Group key={p.calendarId} gap={6} wrap="nowrap">
            <Badge size="sm" variant="light" color={s.color} style={{ flex: 'none' }}>
              {s.label}
            </Badge>
            <Text size="sm" c="dimmed">
              {p.calendarSummary} · {providerName(p.provider)}
              {p.accountEmail ? ` (${p.accountEmail})` : ''}
              {p.accountStatus === 'needs_reconnect' ? ' · needs reconnecting' : ''}
            </Text>
          </Group>
        )
      })}
      {pending && (
        <Text size="sm" c={pending.refused || pending.error ? 'red.8' : 'gray.8'}>
          {pending.refused
            ? `The calendar refused the last change: ${pending.error ?? 'no reason given'}.`
            : pending.error
              ? `A change waits (last try failed: ${pending.error}).`
              : `A change waits to be sent (since ${formatInstant(pending.queuedAt, timeZone)}).`}{' '}
          <Anchor component={Link} to="/sync-log" size="sm">
            Sync log
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}
