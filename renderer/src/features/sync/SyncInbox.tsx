import { useState } from 'react'
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import type { SyncInboxItem, SyncInboxKind } from '../../../../shared/domain/sync'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { FormProblem } from '../../shared/ui/FormProblem'
import { LoadError } from '../../shared/ui/LoadError'
import { SyncPageHeader } from './SyncPageHeader'
import { accountName, formatInstant, plural, providerName } from './format'

// Light badge tints; the theme darkens their ink to AA on every one of them.
const KIND_LABELS: Record<SyncInboxKind, { label: string; color: string }> = {
  moved: { label: 'Moved', color: 'blue' },
  deleted: { label: 'Deleted', color: 'gray' },
  clash: { label: 'Clash', color: 'red' },
}

/** "Mar 11, 10:00 AM – 11:00 AM" in the shop's zone (the end's day too when it differs). */
function formatSpan(span: { start: string; end: string }, timeZone: string | null): string {
  const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) })
  const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', ...(timeZone ? { timeZone } : {}) })
  const sameDay = day.format(new Date(span.start)) === day.format(new Date(span.end))
  return `${formatInstant(span.start, timeZone)} – ${sameDay ? time.format(new Date(span.end)) : formatInstant(span.end, timeZone)}`
}

type Show = 'unseen' | 'all'

/**
 * The sync inbox: what came back from the calendars (a booking moved or deleted there, a move
 * that clashed), with the booking's time before and after; each opens its activity; a clash is
 * decided here (keep ours / take theirs); the rest is marked seen.
 */
export function SyncInbox() {
  const [show, setShow] = useState<Show>('unseen')
  const inbox = useChannel('sync.inbox', { show, limit: 200 })
  const seen = useChannelMutation('sync.inboxSeen')
  const resolve = useChannelMutation('sync.resolveConflict')
  const [problem, setProblem] = useState<string | null>(null)
  const act = async (p: Promise<unknown>) => {
    setProblem(null)
    await p.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
  }
  const items = inbox.data?.items ?? []
  const unseen = inbox.data?.unseen ?? 0

  return (
    <Stack gap="md">
      <SyncPageHeader
        title="Sync inbox"
        description="What came back from the calendars: bookings moved or deleted there, and moves that clashed with the shop’s plan."
        action={
          <Button
            variant="default"
            disabled={unseen === 0}
            loading={seen.isPending && seen.variables?.all === true}
            onClick={() => void act(seen.mutateAsync({ all: true }))}
          >
            Mark all as seen
          </Button>
        }
      />
      <Group gap="md">
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'unseen', label: `Not seen yet (${unseen})` },
            { value: 'all', label: 'Everything' },
          ]}
        />
        {(inbox.data?.openClashes ?? 0) > 0 && (
          <Text size="sm" fw={600} c="red.9">
            {plural(inbox.data!.openClashes, 'clash', 'clashes')} waiting for a decision
          </Text>
        )}
      </Group>
      <FormProblem message={problem} />
      {inbox.error ? (
        <LoadError what="the sync inbox" error={inbox.error} retry={() => void inbox.refetch()} />
      ) : inbox.isPending ? (
        <Text>Loading…</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{show === 'unseen' ? 'Nothing new from the calendars.' : 'Nothing has come back from the calendars yet.'}</Text>
      ) : (
        <Table aria-label="Changes from the calendars" withTableBorder verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>When</Table.Th>
              <Table.Th w={100}>What</Table.Th>
              <Table.Th>Work</Table.Th>
              <Table.Th w={300}>Shop’s time → calendar’s</Table.Th>
              <Table.Th w={210}>Decide</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <InboxRow
                key={item.id}
                item={item}
                busy={
                  (seen.isPending && seen.variables?.ids?.includes(item.id) === true) || (resolve.isPending && resolve.variables?.id === item.clash?.conflictId)
                }
                onSeen={() => void act(seen.mutateAsync({ ids: [item.id] }))}
                onResolve={(resolution) => void act(resolve.mutateAsync({ id: item.clash!.conflictId, resolution }))}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

function InboxRow({
  item,
  busy,
  onSeen,
  onResolve,
}: {
  item: SyncInboxItem
  busy: boolean
  onSeen: () => void
  onResolve: (r: 'keep_ours' | 'take_theirs') => void
}) {
  const { timeZone } = useShopClock()
  const panel = useActivityPanel()
  const kind = KIND_LABELS[item.kind]
  const work = item.activity
    ? `${item.activity.vehicleLabel}${item.activity.licensePlate ? ` (${item.activity.licensePlate})` : ''} · ${item.activity.typeName}`
    : `Activity ${item.activityId}`
  const where = `${item.calendarSummary} · ${providerName(item.provider)} (${accountName({ email: item.accountEmail, provider: item.provider })})`
  const open = item.clash !== null && item.clash.resolution === null
  return (
    <Table.Tr aria-label={`${kind.label}: ${work}`} data-seen={item.seenAt ? 'yes' : 'no'}>
      <Table.Td>
        <Text size="sm" fw={item.seenAt ? 400 : 700}>
          {formatInstant(item.at, timeZone)}
        </Text>
        {!item.seenAt && (
          <Text size="xs" c="blue.9" fw={600}>
            New
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={kind.color} variant="light" tt="none">
          {kind.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => panel.open(item.activityId)} aria-label={`Open ${work}`}>
          {work}
        </Anchor>
        <Text size="xs" c="dimmed">
          {where}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={item.kind === 'moved' ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {item.before ? formatSpan(item.before, timeZone) : 'Not booked'}
        </Text>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <IconArrowRight size={16} aria-label="then" style={{ flex: 'none', marginTop: 2 }} />
          <Text size="sm" fw={600}>
            {item.after ? formatSpan(item.after, timeZone) : 'Deleted there; the work is unbooked'}
          </Text>
        </Group>
        {item.clash && (
          <Text size="xs" c={open ? 'red.9' : 'gray.7'}>
            {open
              ? `Not applied: ${item.clash.reason}`
              : item.clash.resolution === 'keep_ours'
                ? 'Kept the shop’s time; the calendar was corrected'
                : 'Took the calendar’s time'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {open ? (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" disabled={busy} onClick={() => onResolve('keep_ours')} aria-label={`Keep ours: ${work}`}>
              Keep ours
            </Button>
            <Button size="xs" variant="default" disabled={busy} onClick={() => onResolve('take_theirs')} aria-label={`Take theirs: ${work}`}>
              Take theirs
            </Button>
          </Group>
        ) : item.seenAt ? (
          <Text size="sm" c="dimmed">
            Seen {formatInstant(item.seenAt, timeZone)}
          </Text>
        ) : (
          <Button size="xs" variant="default" loading={busy} onClick={onSeen} aria-label={`Seen: ${work}`}>
            Seen
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
