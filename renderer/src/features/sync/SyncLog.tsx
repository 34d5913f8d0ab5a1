import { useMemo, useState } from 'react'
import { Anchor, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { foldForSearch } from '../../../../shared/domain/search'
import type { SyncLogEntry } from '../../../../shared/domain/sync'
import { useChannel } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { LoadError } from '../../shared/ui/LoadError'
import { SyncPageHeader } from './SyncPageHeader'
import { accountName, formatInstant, PROBLEM_KINDS } from './format'

/** What each kind of entry was, in the front desk's words; a kind not listed shows as it is. */
const KINDS: Record<string, string> = {
  created: 'Sent (new event)',
  adopted: 'Sent (found existing)',
  updated: 'Sent (update)',
  deleted: 'Sent (removed)',
  due: 'Sent (due date)',
  moved: 'Received (moved)',
  booked: 'Received (booked)',
  unbooked: 'Received (deleted)',
  deleted_there: 'Received (deleted)',
  both_changed: 'Received (both changed)',
  conflict: 'Clash',
  dead_letter: 'Refused',
  paused: 'Paused (many deletions)',
  deletes_decided: 'Deletions decided',
  resolved: 'Clash resolved',
  seen: 'Seen in the inbox',
  connected: 'Connected',
  connect_failed: 'Not connected',
  disconnected: 'Disconnected',
  needs_reconnect: 'Sign-in refused',
  calendar: 'Calendars',
}
const kindLabel = (kind: string): string => KINDS[kind] ?? kind

type Outcome = 'all' | 'ok' | 'problem'

/** The sync log: every push and pull with its time, account, activity and outcome; filterable. */
export function SyncLog() {
  const log = useChannel('sync.log', { limit: 500 })
  const accounts = useChannel('sync.accounts', {})
  const { timeZone } = useShopClock()
  const panel = useActivityPanel()
  const [outcome, setOutcome] = useState<Outcome>('all')
  const [accountId, setAccountId] = useState<string | null>(null)
  const [text, setText] = useState('')

  const names = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, accountName(a)])), [accounts.data])
  const rows = useMemo(() => {
    const needle = foldForSearch(text.trim())
    return (log.data ?? []).filter(
      (e: SyncLogEntry) =>
        (outcome === 'all' || (outcome === 'problem') === PROBLEM_KINDS.has(e.kind)) &&
        (accountId === null || String(e.accountId) === accountId) &&
        (needle === '' || foldForSearch(`${e.message} ${kindLabel(e.kind)} ${e.activityId ?? ''}`).includes(needle)),
    )
  }, [log.data, outcome, accountId, text])

  return (
    <Stack gap="md">
      <SyncPageHeader title="Sync log" description="What was sent to the calendars and what came back, newest first (the last 500 entries)." />
      <Group gap="md" align="flex-end">
        <SegmentedControl
          aria-label="Outcome"
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome)}
          data={[
            { value: 'all', label: 'Everything' },
            { value: 'ok', label: 'Done' },
            { value: 'problem', label: 'Problems' },
          ]}
        />
        <Select
          label="Account"
          placeholder="Every account"
          data={(accounts.data ?? []).map((a) => ({ value: String(a.id), label: accountName(a) }))}
          value={accountId}
          onChange={setAccountId}
          clearable
          w={240}
        />
        <TextInput
          label="Search"
          placeholder="Vehicle, message, activity…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={280}
        />
      </Group>
      {log.error ? (
        <LoadError what="the sync log" error={log.error} retry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Text>Loading…</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{(log.data ?? []).length === 0 ? 'Nothing synced yet.' : 'No entry matches these filters.'}</Text>
      ) : (
        <Table aria-label="Sync log" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Time</Table.Th>
              <Table.Th w={200}>Account</Table.Th>
              <Table.Th w={110}>Activity</Table.Th>
              <Table.Th w={200}>What</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatInstant(e.at, timeZone)}</Table.Td>
                <Table.Td>{e.accountId === null ? '—' : (names.get(e.accountId) ?? `Account ${e.accountId}`)}</Table.Td>
                <Table.Td>
                  {e.activityId === null ? (
                    '—'
                  ) : (
                    <Anchor component="button" type="button" size="sm" onClick={() => panel.open(e.activityId!)}>
                      Activity {e.activityId}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={PROBLEM_KINDS.has(e.kind) ? 700 : 500} c={PROBLEM_KINDS.has(e.kind) ? 'red.9' : undefined}>
                    {kindLabel(e.kind)}
                  </Text>
                </Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
