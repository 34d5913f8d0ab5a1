import { Stack, Text, Timeline } from '@mantine/core'
import { useChannel } from '../../lib/queries'
import { formatStamp } from '../calendar/shop-time'

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v))

/** The activity's trace from the activity log: who changed what, when, newest first. */
export function ActivityHistory({ id, timeZone }: { id: number; timeZone: string }) {
  const { data, isPending, error } = useChannel('activities.history', { id })
  if (isPending) return <Text size="sm">Loading history…</Text>
  if (error) return <Text size="sm" c="red">{error.message}</Text>
  const entries = [...data].sort((a, b) => (a.at < b.at ? 1 : -1))
  if (entries.length === 0) return <Text size="sm" c="dimmed">No changes recorded yet.</Text>
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="History">
      {entries.map((e) => (
        <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{e.action.replaceAll('_', ' ')}</Text>}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {formatStamp(e.at, timeZone)} · {e.actor}
            </Text>
            {e.message && <Text size="xs">{e.message}</Text>}
            {e.changes &&
              Object.entries(e.changes).map(([field, [before, after]]) => (
                <Text size="xs" key={field}>
                  {field}: {show(before)} → {show(after)}
                </Text>
              ))}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
