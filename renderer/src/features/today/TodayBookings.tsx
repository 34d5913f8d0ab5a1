import { useState } from 'react'
import { SegmentedControl, Stack, Text } from '@mantine/core'
import type { Activity } from '../../../../shared/domain/activities'
import { ActivityRow } from './ActivityRow'
import { ListCard } from './ListCard'

type By = 'bay' | 'technician'

/** Today's booked work grouped by bay or by technician, each group in time order. */
export function TodayBookings({ booked, timeZone }: { booked: Activity[]; timeZone: string }) {
  const [by, setBy] = useState<By>('bay')
  const groups = new Map<string, Activity[]>()
  for (const a of booked) {
    const key = (by === 'bay' ? a.bayName : a.technicianName) ?? (by === 'bay' ? 'No bay' : 'No technician')
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  const names = [...groups.keys()].sort((x, y) => (x.startsWith('No ') ? 1 : y.startsWith('No ') ? -1 : x.localeCompare(y)))
  return (
    <ListCard
      title="Booked today"
      count={booked.length}
      empty="Nothing booked today."
      maxHeight={300}
      color="indigo"
      action={
        <div role="group" aria-label="Group today's bookings">
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(v) => setBy(v as By)}
            data={[
              { value: 'bay', label: 'By bay' },
              { value: 'technician', label: 'By technician' },
            ]}
          />
        </div>
      }
    >
      {names.map((name) => (
        <Stack gap={0} key={name} component="section" aria-label={name} mb={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px={6}>
            {name}
          </Text>
          {groups
            .get(name)!
            .sort((x, y) => (x.start ?? '').localeCompare(y.start ?? ''))
            .map((a) => (
              <ActivityRow key={a.id} activity={a} timeZone={timeZone} lead="time" />
            ))}
        </Stack>
      ))}
    </ListCard>
  )
}
