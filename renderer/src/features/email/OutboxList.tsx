import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { OutboxItem } from '../../../../shared/domain/email'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { STATE_WORDS, formatShopTime } from './email-words'

const BADGE: Record<OutboxItem['state'], string> = {
  queued: STATUS_FILL.scheduled.bg,
  waiting: STATUS_FILL.in_progress.bg,
  sent: STATUS_FILL.completed.bg,
  failed: STATUS_FILL.missed.bg,
}

/** The outbox: what waits, what the server refused, what went out lately. */
export function OutboxList({ timeZone }: { timeZone: string }) {
  const outbox = useChannel('email.outbox', {})
  const retry = useChannelMutation('email.retry')
  if (!outbox.data) return null
  const o = outbox.data
  const tryNow = async (id: number) => {
    try {
      await retry.mutateAsync({ id })
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <Stack gap="xs" data-testid="outbox">
      <Title order={3} size="h4">
        Outbox
      </Title>
      <Text size="sm" c="dimmed" role="status">
        {o.queued + o.waiting + o.failed === 0
          ? 'Nothing waiting: every email was taken by the mail server.'
          : [o.queued > 0 && `${o.queued} queued`, o.waiting > 0 && `${o.waiting} waiting to retry`, o.failed > 0 && `${o.failed} refused by the server`]
              .filter(Boolean)
              .join(' · ')}
      </Text>
      {o.recent.length > 0 && (
        <Table striped withTableBorder aria-label="Recent emails">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>To</Table.Th>
              {/* Wide enough for "Waiting to retry" and its button: a squeezed badge reads "REF…". */}
              <Table.Th w={190}>State</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.recent.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm">{item.subject ?? (item.kind === 'invite' ? 'Invite (not built yet)' : 'Reminder (not built yet)')}</Text>
                  {item.lastError && item.state !== 'sent' && (
                    <Text size="xs" c="dimmed">
                      {item.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.to ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={BADGE[item.state]} variant="filled" style={{ flexShrink: 0 }}>
                      {STATE_WORDS[item.state]}
                    </Badge>
                    {item.state === 'waiting' && (
                      <Button size="compact-xs" variant="subtle" onClick={() => void tryNow(item.id)}>
                        Try now
                      </Button>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {item.sentAt
                      ? formatShopTime(item.sentAt, timeZone)
                      : item.nextAttemptAt && item.state === 'waiting'
                        ? `next try ${formatShopTime(item.nextAttemptAt, timeZone)}`
                        : formatShopTime(item.createdAt, timeZone)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
