import type { ReactNode } from 'react'
import { Badge, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core'
import { IconAlertTriangle, IconCalendarEvent, IconHistory } from '@tabler/icons-react'
import type { Activity } from '../../../../shared/domain/activities'
import { useChannel } from '../../shared/data/queries'
import { useActivityPanel } from '../../shared/ui/activity-panel'
import { LoadError } from '../../shared/ui/LoadError'
import { OdometerReadings } from './OdometerReadings'
import { PlanStatus } from './PlanStatus'
import { ReconcileVehicleButton } from './ReconcileVehicleButton'
import { ScheduleRow } from './ScheduleRow'

interface GroupProps {
  title: string
  icon: ReactNode
  color: string
  items: Activity[]
  empty: string
  onOpen(id: number): void
}

/** One band of the timeline: overdue, upcoming or history, each with its count in the heading. */
function ScheduleGroup({ title, icon, color, items, empty, onOpen }: GroupProps) {
  const headingId = `schedule-${title.toLowerCase()}`
  return (
    // The bullet carries the colour itself: Timeline only colours "active" items, which means progress, not kind.
    <Timeline.Item
      bullet={
        <ThemeIcon size={26} radius="xl" color={items.length ? color : 'gray.5'}>
          {icon}
        </ThemeIcon>
      }
      lineVariant={items.length ? 'solid' : 'dashed'}
    >
      <section aria-labelledby={headingId}>
        <Group gap={8} mb={4}>
          <Title order={4} size="h6" id={headingId}>
            {title}
          </Title>
          <Badge size="sm" variant="outline" color={color.startsWith('red') && items.length ? 'red.9' : 'gray.8'}>
            {items.length}
          </Badge>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((a) => (
              <li key={a.id}>
                <ScheduleRow activity={a} onOpen={onOpen} />
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Timeline.Item>
  )
}

/**
 * A vehicle's schedule: what is overdue, what is coming, what happened, plus its odometer
 * readings and "reconcile now". Rows open the shared activity panel.
 */
export function VehicleSchedule({ vehicleId, active = true }: { vehicleId: number; active?: boolean }) {
  const schedule = useChannel('activities.forVehicle', { vehicleId })
  const panel = useActivityPanel()

  return (
    <Group align="flex-start" gap="md" wrap="nowrap">
      <Paper withBorder p="md" style={{ flex: 1, minWidth: 0 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Schedule
            </Title>
            <ReconcileVehicleButton vehicleId={vehicleId} disabled={!active} />
          </Group>
          {/* Inactive vehicles are not planned at all: the core refuses to preview them. */}
          {active && <PlanStatus vehicleId={vehicleId} />}
          {schedule.error ? (
            <LoadError what="the schedule" error={schedule.error} retry={() => void schedule.refetch()} />
          ) : !schedule.data ? (
            <Text size="sm">Loading the schedule…</Text>
          ) : (
            <Timeline bulletSize={26} lineWidth={2}>
              <ScheduleGroup
                title="Overdue"
                color="red.8"
                icon={<IconAlertTriangle size={14} aria-hidden />}
                items={schedule.data.overdue}
                empty="Nothing overdue."
                onOpen={panel.open}
              />
              <ScheduleGroup
                title="Upcoming"
                color="indigo.7"
                icon={<IconCalendarEvent size={14} aria-hidden />}
                items={schedule.data.upcoming}
                empty={active ? 'Nothing planned. Reconcile to plan its inspections and maintenance.' : 'Inactive vehicles get no new plans.'}
                onOpen={panel.open}
              />
              <ScheduleGroup
                title="History"
                color="gray.7"
                icon={<IconHistory size={14} aria-hidden />}
                items={schedule.data.history}
                empty="No completed, cancelled or missed work yet."
                onOpen={panel.open}
              />
            </Timeline>
          )}
        </Stack>
      </Paper>
      <OdometerReadings vehicleId={vehicleId} />
    </Group>
  )
}
