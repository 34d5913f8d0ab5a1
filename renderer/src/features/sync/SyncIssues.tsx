import { useState } from 'react'
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { FormProblem } from '../../shared/ui/FormProblem'
import { formatInstant } from './format'

/** What needs a person: a calendar's change that clashed with the shop's, and changes the calendar refused. */
export function SyncIssues() {
  const conflicts = useChannel('sync.conflicts', {})
  const dead = useChannel('sync.deadLetters', {})
  const resolve = useChannelMutation('sync.resolveConflict')
  const retry = useChannelMutation('sync.retryDeadLetter')
  const panel = useActivityPanel()
  const { timeZone } = useShopClock()
  const [problem, setProblem] = useState<string | null>(null)
  const act = async (p: Promise<unknown>) => {
    setProblem(null)
    await p.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
  }
  const open = (id: number) => (
    <Anchor component="button" type="button" size="sm" onClick={() => panel.open(id)}>
      Activity {id}
    </Anchor>
  )
  const none = (conflicts.data?.length ?? 0) === 0 && (dead.data?.length ?? 0) === 0
  return (
    <Stack gap="xs" component="section" aria-labelledby="sync-issues-title">
      <Title order={3} size="h4" id="sync-issues-title">
        Sync issues
      </Title>
      <FormProblem message={problem ?? conflicts.error?.message ?? dead.error?.message ?? null} />
      {none && (
        <Text size="sm" c="dimmed">
          Nothing needs you: every change the calendars sent fitted, and every change of the shop was accepted.
        </Text>
      )}
      {(conflicts.data?.length ?? 0) > 0 && (
        <Table aria-label="Calendar changes that clashed" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th>The calendar says</Table.Th>
              <Table.Th>Why it did not apply</Table.Th>
              <Table.Th>Decide</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.data!.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{open(c.activityId)}</Table.Td>
                <Table.Td>{formatInstant(c.remoteStart, timeZone)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => void act(resolve.mutateAsync({ id: c.id, resolution: 'keep_ours' }))}>
                      Keep ours
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void act(resolve.mutateAsync({ id: c.id, resolution: 'take_theirs' }))}>
                      Take theirs
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(dead.data?.length ?? 0) > 0 && (
        <Table aria-label="Changes the calendar refused" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th>Refused</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Try again</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dead.data!.map((d) => (
              <Table.Tr key={d.activityId}>
                <Table.Td>{open(d.activityId)}</Table.Td>
                <Table.Td>{formatInstant(d.deadAt, timeZone)}</Table.Td>
                <Table.Td>{d.error}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => void act(retry.mutateAsync({ activityId: d.activityId }))}>
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
