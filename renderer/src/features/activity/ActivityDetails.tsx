import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Divider, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle, IconPin } from '@tabler/icons-react'
import { DateInput } from '@mantine/dates'
import { Link } from 'react-router'
import type { Activity } from '../../../../shared/domain/activities'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { BookingDialog, type BookingRequest } from '../booking/BookingDialog'
import { formatBooking, formatDay, formatStamp } from '../../shared/time/shop-time'
import { useShopReference } from '../../shared/data/use-shop-reference'
import { SendInviteButton } from '../invites/SendInviteButton'
import { ActivitySyncState } from '../sync/ActivitySyncState'
import { ActivityHistory } from './ActivityHistory'
import { CategoryBadge, STATUS_FILL, StatusBadge } from '../../shared/ui/appearance'
import { StatusActions } from './StatusActions'
import { ACTIVITY_WRITE, useActivityAction } from './use-activity-action'
import { mayNeedBay, NeedsBayMark } from '../../shared/ui/NeedsBayMark'

const ORIGIN_LABEL: Record<Activity['origin'], string> = {
  initial: 'Initial inspection',
  inspection: 'Planned inspection',
  template: 'Maintenance plan',
  manual: 'Added by hand',
}

/** Everything about one activity and every change the front desk may make to it. */
export function ActivityDetails({ id, onClose }: { id: number; onClose: () => void }) {
  const { data: a, isPending, error } = useChannel('activities.get', { id })
  const { timeZone } = useShopReference()
  const action = useActivityAction(id)
  const unbook = useChannelMutation('activities.unbook', ACTIVITY_WRITE)
  const [booking, setBooking] = useState<BookingRequest | null>(null)

  if (isPending) return <Loader size="sm" aria-label="Loading activity" />
  if (error || !a) return <Text c="red">{error?.message ?? 'Not found'}</Text>

  const open = a.status === 'scheduled'
  return (
    <Stack gap="md" data-testid="activity-panel" data-activity-id={a.id}>
      <Stack gap={4}>
        <Title order={2} size="h3">
          {a.typeName}
        </Title>
        <Group gap={6}>
          <StatusBadge status={a.status} />
          <CategoryBadge category={a.category} />
          {/* The calendar's own reds and oranges: Mantine's default shades fail 4.5:1 on white. */}
          {a.urgency === 'overdue' && (
            <Badge color={STATUS_FILL.missed.bg} variant="outline">
              Overdue
            </Badge>
          )}
          {a.urgency === 'due_soon' && (
            <Badge color={STATUS_FILL.in_progress.bg} variant="outline">
              Due soon
            </Badge>
          )}
          {a.pinned && (
            <Badge color="gray" variant="outline" leftSection={<IconPin size={11} aria-hidden />} title="Set by a person: the planner leaves it alone">
              Pinned
            </Badge>
          )}
        </Group>
      </Stack>

      {action.problem && (
        <Alert
          // Dark enough for its light background at 4.5:1 (Mantine's yellow and red are not).
          color={action.problem.stale ? STATUS_FILL.in_progress.bg : STATUS_FILL.missed.bg}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={action.problem.title}
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={action.clearProblem}
        >
          {action.problem.stale
            ? 'Someone changed this activity while you had it open. What you see now is its current state; check it and try again.'
            : action.problem.message}
        </Alert>
      )}

      <Facts a={a} timeZone={timeZone} onLeave={onClose} />

      {(open || a.status === 'in_progress') && (
        <Group gap="xs">
          {open && (
            <Button size="xs" variant="light" onClick={() => setBooking({ activity: a })}>
              {a.start ? 'Change booking…' : 'Book a time…'}
            </Button>
          )}
          {open && a.start && (
            <Button
              size="xs"
              variant="subtle"
              loading={action.busy}
              onClick={() => void action.run(() => unbook.mutateAsync({ id: a.id, version: a.version }))}
            >
              Unbook
            </Button>
          )}
        </Group>
      )}
      {open && !a.start && <DueDateEditor activity={a} run={action.run} busy={action.busy} />}

      <StatusActions activity={a} run={action.run} busy={action.busy} onRebook={() => setBooking({ activity: a, mode: 'rebook' })} />

      {/* Invites are for work still ahead, and a cancelled booking owes the customer its
          cancellation; the button itself says when one cannot be sent. */}
      {(open || a.status === 'in_progress' || a.status === 'cancelled') && <SendInviteButton activityId={a.id} />}
      <ActivitySyncState activityId={a.id} timeZone={timeZone} />

      <Divider />
      <NotesEditor activity={a} run={action.run} busy={action.busy} />
      <Divider label="History" labelPosition="left" />
      <ActivityHistory id={a.id} timeZone={timeZone} />

      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onClose}>
          Close
        </Button>
      </Group>
      <BookingDialog request={booking} onClose={() => setBooking(null)} />
    </Stack>
  )
}

/** `onLeave`: following the vehicle link closes the panel, which would otherwise cover that page. */
function Facts({ a, timeZone, onLeave }: { a: Activity; timeZone: string; onLeave: () => void }) {
  const rows: [string, React.ReactNode][] = [
    [
      'Vehicle',
      <Anchor component={Link} to={`/vehicles/${a.vehicleId}`} size="sm" key="v" onClick={onLeave}>
        {a.vehicleLabel}
        {a.licensePlate ? ` · ${a.licensePlate}` : ''}
      </Anchor>,
    ],
    ['Customer', a.customerName],
    ['Origin', ORIGIN_LABEL[a.origin]],
    ['Due', formatDay(a.dueDate)],
    ['Booked', a.start ? formatBooking(a.start, a.end, timeZone) : 'Not booked'],
    ['Bay', a.bayName ?? (mayNeedBay(a) ? <NeedsBayMark activity={a} key="b" /> : '—')],
    ['Technician', a.technicianName ?? '—'],
  ]
  if (a.startedAt) rows.push(['Started', formatStamp(a.startedAt, timeZone)])
  if (a.completedAt) rows.push(['Completed', `${formatStamp(a.completedAt, timeZone)}${a.completedBy ? ` by ${a.completedBy}` : ''}`])
  if (a.completionOdometer !== null) rows.push(['Odometer', `${a.completionOdometer.toLocaleString('en-US')} mi`])
  if (a.completionNotes) rows.push(['Work notes', a.completionNotes])
  if (a.cancelReason) rows.push(['Cancelled because', a.cancelReason])
  if (a.contactedAt) rows.push(['Customer contacted', formatStamp(a.contactedAt, timeZone)])
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: '130px 1fr', rowGap: 6, columnGap: 12, margin: 0 }}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} data-field={label}>
            {value}
          </Text>
        </div>
      ))}
    </dl>
  )
}

interface EditorProps {
  activity: Activity
  run: (change: () => Promise<unknown>) => Promise<boolean>
  busy: boolean
}

/** Moves the due day of work that has no time yet (the month view's drag, by keyboard). */
function DueDateEditor({ activity: a, run, busy }: EditorProps) {
  const [day, setDay] = useState(a.dueDate)
  const setDueDate = useChannelMutation('activities.setDueDate', ACTIVITY_WRITE)
  return (
    <Group gap="xs" align="flex-end">
      <DateInput size="xs" label="Due date" valueFormat="MMM D, YYYY" value={day} onChange={(v) => setDay(v ?? '')} />
      <Button
        size="xs"
        variant="default"
        disabled={!day || day === a.dueDate}
        loading={busy}
        onClick={() => void run(() => setDueDate.mutateAsync({ id: a.id, version: a.version, dueDate: day }))}
      >
        Move due date
      </Button>
    </Group>
  )
}

function NotesEditor({ activity: a, run, busy }: EditorProps) {
  // Untouched, the field follows the stored notes (a change made elsewhere shows at once);
  // once someone types, their draft is never overwritten under them.
  const stored = a.notes ?? ''
  const update = useChannelMutation('activities.update', ACTIVITY_WRITE)
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? stored
  const dirty = draft !== null && draft !== stored
  return (
    <Stack gap={6}>
      <Textarea label="Notes" autosize minRows={2} maxRows={8} value={text} onChange={(e) => setDraft(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          disabled={!dirty}
          loading={busy}
          onClick={async () => {
            if (await run(() => update.mutateAsync({ id: a.id, version: a.version, notes: text }))) setDraft(null)
          }}
        >
          Save notes
        </Button>
      </Group>
    </Stack>
  )
}
