import { Stack, Text, Timeline } from '@mantine/core'
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../../shared/domain/activities'
import { useChannel } from '../../shared/data/queries'
import { formatDay, formatStamp } from '../../shared/time/shop-time'
import { useShopReference } from '../../shared/data/use-shop-reference'
import { STATUS_LABEL } from '../../shared/ui/appearance'

const FIELD_LABEL: Record<string, string> = {
  start: 'Start',
  end: 'End',
  bayId: 'Bay',
  technicianId: 'Technician',
  dueDate: 'Due',
  status: 'Status',
  notes: 'Notes',
  startedAt: 'Started',
  completedAt: 'Completed',
  completedBy: 'Done by',
  completionOdometer: 'Odometer',
  completionNotes: 'Work notes',
  cancelReason: 'Reason',
  contactedAt: 'Customer contacted',
}
// Bookkeeping a person does not need to read.
const HIDDEN = new Set(['pinned', 'version', 'updatedAt'])

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The activity's trace from the activity log: who changed what, when, newest first, in words. */
export function ActivityHistory({ id, timeZone }: { id: number; timeZone: string }) {
  const { data, isPending, error } = useChannel('activities.history', { id })
  const { bays, technicians } = useShopReference()
  if (isPending) return <Text size="sm">Loading history…</Text>
  if (error)
    return (
      <Text size="sm" c="red">
        {error.message}
      </Text>
    )

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (field === 'bayId') return bays.find((b) => b.id === v)?.name ?? `Bay #${String(v)}`
    if (field === 'technicianId') return technicians.find((t) => t.id === v)?.name ?? `Technician #${String(v)}`
    if (field === 'status' && ACTIVITY_STATUSES.includes(v as ActivityStatus)) return STATUS_LABEL[v as ActivityStatus]
    if (field === 'completionOdometer' && typeof v === 'number') return `${v.toLocaleString('en-US')} mi`
    if (typeof v === 'string' && ISO_INSTANT.test(v)) return formatStamp(v, timeZone)
    if (typeof v === 'string' && ISO_DATE.test(v)) return formatDay(v)
    return String(v)
  }

  const entries = [...data].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No changes recorded yet.
      </Text>
    )
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="History">
      {entries.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Text size="sm" fw={600}>
              {e.action.replaceAll('_', ' ')}
            </Text>
          }
        >
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {formatStamp(e.at, timeZone)} · {e.actor}
            </Text>
            {e.message && <Text size="xs">{e.message}</Text>}
            {e.changes &&
              Object.entries(e.changes)
                .filter(([field]) => !HIDDEN.has(field))
                .map(([field, [before, after]]) => (
                  <Text size="xs" key={field}>
                    {FIELD_LABEL[field] ?? field}: {show(field, before)} → {show(field, after)}
                  </Text>
                ))}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
