import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { Vehicle } from '../../../../shared/domain/vehicles'
import { useChannelMutation } from '../../shared/data/queries'
import { vehicleLabel } from '../../shared/time/format'

/**
 * Deactivates a vehicle after a confirmation (it cancels untouched upcoming work), or
 * reactivates one at once (harmless, and the scheduler plans it again).
 */
export function useVehicleStatus() {
  const setStatus = useChannelMutation('vehicles.setStatus')

  const apply = async (vehicle: Vehicle, status: Vehicle['status']) => {
    try {
      await setStatus.mutateAsync({ id: vehicle.id, status })
      notifications.show({
        color: status === 'active' ? 'green' : 'gray',
        message: `${vehicleLabel(vehicle)} ${status === 'active' ? 'reactivated' : 'deactivated'}`,
      })
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  return (vehicle: Vehicle) => {
    if (vehicle.status === 'inactive') return void apply(vehicle, 'active')
    modals.openConfirmModal({
      title: `Deactivate ${vehicleLabel(vehicle)}?`,
      children: (
        <Text size="sm">
          Its upcoming inspections and maintenance that nobody has booked or changed are cancelled, and it leaves the active list. Its history stays. You can
          reactivate it later.
        </Text>
      ),
      labels: { confirm: 'Deactivate', cancel: 'Keep active' },
      confirmProps: { color: 'red' },
      onConfirm: () => void apply(vehicle, 'inactive'),
    })
  }
}
