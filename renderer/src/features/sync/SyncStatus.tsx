import { Anchor, Badge, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconCloudCheck, IconCloudUpload, IconInbox } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { SyncAccount } from '../../../../shared/domain/sync'
import { useChannel } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { formatInstant, plural } from './format'

/** The sync at a glance in the header: last good sync, what waits, what went wrong; a link to the log. */
export function SyncStatus({ accounts }: { accounts: SyncAccount[] }) {
  const conflicts = useChannel('sync.conflicts', {})
  const inbox = useChannel('sync.inbox', { show: 'unseen', limit: 1 })
  const { timeZone } = useShopClock()
  const live = accounts.filter((a) => a.status === 'connected' || a.status === 'needs_reconnect')
  if (live.length === 0) return null
  // A dead grant keeps the time of its last round; a failed round shows among the problems.
  const last = live
    .filter((a) => a.lastSyncAt)
    .map((a) => a.lastSyncAt!)
    .sort()
    .at(-1)
  // The outbox is shared: every account reports the same counts.
  const queued = Math.max(...live.map((a) => a.queued))
  const refused = Math.max(...live.map((a) => a.deadLetters))
  const problems = live.filter((a) => a.status === 'needs_reconnect' || a.lastError || a.pausedDeletes).length + refused + (conflicts.data?.length ?? 0)
  const Icon = problems > 0 ? IconAlertTriangle : queued > 0 ? IconCloudUpload : IconCloudCheck
  const unseen = inbox.data?.unseen ?? 0
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} to="/sync-log" underline="hover" c="inherit" data-testid="sync-status">
        <Group gap={6} wrap="nowrap">
          <Icon size={18} aria-hidden color={problems > 0 ? 'var(--mantine-color-red-8)' : undefined} />
          <Text size="sm">
            {last ? `Synced ${formatInstant(last, timeZone)}` : 'Not synced yet'}
            {' · '}
            {queued - refused > 0 ? `${plural(queued - refused, 'change')} waiting` : 'nothing waiting'}
            {problems > 0 && (
              <Text span size="sm" c="red.9" fw={600}>
                {' · '}
                {plural(problems, 'problem')}
              </Text>
            )}
          </Text>
        </Group>
      </Anchor>
      <Anchor
        component={Link}
        to="/sync-inbox"
        underline="hover"
        c="inherit"
        data-testid="sync-inbox-link"
        aria-label={unseen > 0 ? `Sync inbox, ${plural(unseen, 'change')} not seen yet` : 'Sync inbox'}
      >
        <Group gap={4} wrap="nowrap">
          <IconInbox size={18} aria-hidden />
          <Text size="sm">Inbox</Text>
          {unseen > 0 && (
            <Badge size="sm" circle={unseen < 10} color="red.9" aria-hidden>
              {unseen}
            </Badge>
          )}
        </Group>
      </Anchor>
    </Group>
  )
}
