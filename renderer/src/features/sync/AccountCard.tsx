import { useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconRefresh } from '@tabler/icons-react'
import type { SyncAccount, SyncCalendar, SyncRoundSummary } from '../../../../shared/domain/sync'
import { useChannelMutation } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { FormProblem } from '../../shared/ui/FormProblem'
import { Notice } from '../../shared/ui/Notice'
import { CalendarChooser } from './CalendarChooser'
import { accountName, formatInstant, plural, providerName, STATUS_LABELS } from './format'
import { useConnect } from './use-connect'

const roundText = (r: SyncRoundSummary['accounts'][number]): string => {
  const pushed = r.pushed.created + r.pushed.updated + r.pushed.deleted
  const pulled = r.pulled.moved + r.pulled.unbooked + r.pulled.conflicts
  if (r.error) return `Sync finished with a problem: ${r.error}`
  return `Synced: ${plural(pushed, 'change')} sent, ${plural(pulled, 'change')} from the calendar`
}

/** One connected (or once connected) calendar account: its state, its calendars and what can be done with it. */
export function AccountCard({ account, calendars }: { account: SyncAccount; calendars: SyncCalendar[] }) {
  const { timeZone } = useShopClock()
  const syncNow = useChannelMutation('sync.now')
  const disconnect = useChannelMutation('sync.disconnect')
  const decide = useChannelMutation('sync.confirmDeletes')
  const cancelConnect = useChannelMutation('sync.cancelConnect')
  const connect = useConnect()
  const [problem, setProblem] = useState<string | null>(null)
  const name = accountName(account)
  const status = STATUS_LABELS[account.status]
  const waitingHere = connect.waiting?.accountId === account.id

  const run = async <T,>(action: () => Promise<T>, done?: (result: T) => void) => {
    setProblem(null)
    try {
      // Not `done?.(await action())`: an optional call skips its arguments, the action with them.
      const result = await action()
      done?.(result)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }

  const askDisconnect = () =>
    modals.openConfirmModal({
      title: `Disconnect ${name}?`,
      children: (
        <Text size="sm">
          The app stops updating this account’s calendars and removes its sign-in from this computer. Events already on the calendars stay there; connecting
          again later picks them up without duplicates.
        </Text>
      ),
      labels: { confirm: 'Disconnect', cancel: 'Keep connected' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run(
          () => disconnect.mutateAsync({ accountId: account.id }),
          () => notifications.show({ message: `${name} is disconnected` }),
        ),
    })

  return (
    <Paper withBorder p="md" component="section" aria-label={`${providerName(account.provider)} account ${name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">
                {name}
              </Title>
              <Badge color={status.color} variant="light">
                {status.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {providerName(account.provider)} Calendar · {account.lastSyncAt ? `last sync ${formatInstant(account.lastSyncAt, timeZone)}` : 'not synced yet'} ·{' '}
              {account.queued === 0 ? 'nothing waiting' : `${plural(account.queued, 'change')} waiting`}
              {account.deadLetters > 0 && ` (${account.deadLetters} refused)`}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {account.status === 'connected' && (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={syncNow.isPending}
                onClick={() =>
                  void run(
                    () => syncNow.mutateAsync({ accountId: account.id }),
                    (s) => {
                      const mine = s.accounts.find((a) => a.accountId === account.id)
                      if (mine) notifications.show({ color: mine.error ? 'red' : 'green', message: roundText(mine) })
                    },
                  )
                }
              >
                Sync now
              </Button>
            )}
            {(account.status === 'needs_reconnect' || account.status === 'disconnected') && !waitingHere && (
              <Button loading={connect.busy} onClick={() => void connect.start(account.provider, account)}>
                {account.status === 'disconnected' ? 'Connect again' : 'Reconnect'}
              </Button>
            )}
            {account.status === 'connecting' && !waitingHere && (
              <>
                <Button loading={connect.busy} onClick={() => void connect.start(account.provider, account)}>
                  Connect again
                </Button>
                <Button
                  variant="default"
                  loading={cancelConnect.isPending}
                  onClick={() => void run(() => cancelConnect.mutateAsync({ accountId: account.id }))}
                >
                  Cancel
                </Button>
              </>
            )}
            {(account.status === 'connected' || account.status === 'needs_reconnect') && (
              <Button variant="default" color="red" loading={disconnect.isPending} onClick={askDisconnect}>
                Disconnect
              </Button>
            )}
          </Group>
        </Group>
        <FormProblem message={problem ?? connect.problem} />
        {account.status === 'needs_reconnect' && (
          <Notice tone="error" title="The sign-in no longer works" role="status">
            {providerName(account.provider)} refused this account’s sign-in (it was revoked or expired).{' '}
            {account.queued > 0 ? `${plural(account.queued, 'change')} are kept and` : 'Changes'} will be sent once you reconnect.
          </Notice>
        )}
        {account.lastError && account.status === 'connected' && (
          <Notice tone="error" title="The last sync had a problem" role="status">
            {account.lastError}
          </Notice>
        )}
        {account.status === 'connecting' && !waitingHere && (
          <Text size="sm" c="dimmed">
            This sign-in was started but never finished (the app may have closed while it waited for the browser). Connect again, or cancel it.
          </Text>
        )}
        {account.lastError && account.status === 'disconnected' && (
          <Text size="sm" c="dimmed">
            Last attempt: {account.lastError}
          </Text>
        )}
        {account.pausedDeletes && (
          <Notice tone="note" title="Many events were deleted from the calendar" role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {plural(account.pausedDeletes.count, 'booking')} of {account.pausedDeletes.total} on this account’s calendars were deleted there at once.
                Syncing with this account is paused until you decide.
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  color="red"
                  loading={decide.isPending && decide.variables?.apply === true}
                  onClick={() => void run(() => decide.mutateAsync({ accountId: account.id, apply: true }))}
                >
                  Apply the deletions (unbook {account.pausedDeletes.count})
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={decide.isPending && decide.variables?.apply === false}
                  onClick={() => void run(() => decide.mutateAsync({ accountId: account.id, apply: false }))}
                >
                  Keep the bookings and put them back
                </Button>
              </Group>
            </Stack>
          </Notice>
        )}
        {account.status === 'connected' && <CalendarChooser account={account} chosen={calendars} />}
      </Stack>
    </Paper>
  )
}
