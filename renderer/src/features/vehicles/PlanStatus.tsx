import { Text } from '@mantine/core'
import { useChannel } from '../../shared/data/queries'
import { totalChanges } from '../schedule/ReconcileCounts'
import { PlannerNotes } from './PlannerNotes'

const describe = (n: number, what: string) => (n > 0 ? [`${n} to ${what}`] : [])

/**
 * Whether the vehicle's plan matches today's settings, and what the planner could not plan.
 * A dry run of the reconcile, refreshed with everything else on each change, so the desk
 * sees a stale plan or a missing odometer reading without opening anything.
 */
export function PlanStatus({ vehicleId }: { vehicleId: number }) {
  const preview = useChannel('schedule.previewVehicle', { vehicleId })
  if (!preview.data) return null
  const { add, move, remove, notes } = preview.data
  return (
    <>
      {totalChanges(preview.data) > 0 && (
        <Text size="sm" c="dimmed" role="status">
          The plan is out of date ({[...describe(add, 'add'), ...describe(move, 'move'), ...describe(remove, 'remove')].join(', ')}): reconcile to update it.
        </Text>
      )}
      <PlannerNotes notes={notes} />
    </>
  )
}
