import { Button, Group, Stack, Text } from '@mantine/core'
import type { SyncAccount } from '../../../../shared/domain/sync'
import { Notice } from '../../shared/ui/Notice'
import { accountName, plural, providerName } from './format'
import { useConnect } from './use-connect'
import { WaitingForBrowser } from './WaitingForBrowser'

/**
 * On every page while a calendar account's sign-in is dead: what waits for it, and the way
 * back. Nothing is lost meanwhile; the changes go out once it is connected again.
 */
export function ReconnectBanner({ accounts }: { accounts: SyncAccount[] }) {
  const connect = useConnect()
  const dead = accounts.filter((a) => a.status === 'needs_reconnect')
  if (dead.length === 0) return null
  if (connect.waiting?.reconnect && dead.some((a) => a.id === connect.waiting!.accountId)) {
    return (
      <Stack mb="md">
        <WaitingForBrowser waiting={connect.waiting} onCancel={() => void connect.cancel()} />
      </Stack>
    )
  }
  return (
    <Stack gap="xs" mb="md">
      {dead.map((a) => (
        <Notice key={a.id} tone="error" title={`Reconnect ${accountName(a)}`} role="alert">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">
              {providerName(a.provider)} no longer accepts this account’s sign-in, so the calendars are not being updated.{' '}
              {a.queued > 0
                ? `${plural(a.queued, 'change')} ${a.queued === 1 ? 'is' : 'are'} kept and will be sent once it is reconnected.`
                : 'Nothing is waiting to be sent yet.'}
            </Text>
            <Button size="xs" loading={connect.busy} onClick={() => void connect.start(a.provider, a)} style={{ flexShrink: 0 }}>
              Reconnect
            </Button>
          </Group>
          {connect.problem && (
            <Text size="sm" c="red.9" mt={4}>
              {connect.problem}
            </Text>
          )}
        </Notice>
      ))}
    </Stack>
  )
}
