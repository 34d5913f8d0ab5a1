import { useState } from 'react'
import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconEdit, IconPlayerPlay, IconPower } from '@tabler/icons-react'
import { Link, useParams } from 'react-router'
import { useChannel } from '../../shared/data/queries'
import { vehicleName } from '../../shared/time/format'
import { EmptyState } from '../../shared/ui/EmptyState'
import { LoadError } from '../../shared/ui/LoadError'
import { VehicleDetails } from './VehicleDetails'
import { VehicleFormModal } from '../fleet-forms/VehicleFormModal'
import { useVehicleStatus } from './useVehicleStatus'
import { VehicleSchedule } from './VehicleSchedule'
import { ExportMenu } from '../invites/ExportMenu'

/** One vehicle: its details and owner; its schedule joins them below (issue 4). */
export function VehiclePage() {
  const id = Number(useParams().id)
  const valid = Number.isInteger(id) && id > 0
  const vehicle = useChannel('vehicles.get', { id }, { enabled: valid })
  const owner = useChannel('customers.get', { id: vehicle.data?.customerId ?? 0 }, { enabled: vehicle.data !== undefined })
  const [editing, setEditing] = useState(false)
  const toggleStatus = useVehicleStatus()

  const back = (
    <Anchor component={Link} to="/vehicles" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All vehicles
      </Group>
    </Anchor>
  )

  if (!valid || vehicle.error?.code === 'not_found') {
    return (
      <Stack>
        {back}
        <EmptyState title="This vehicle does not exist">It may have been removed, or the link is wrong.</EmptyState>
      </Stack>
    )
  }
  if (vehicle.error) return <LoadError what="this vehicle" error={vehicle.error} retry={() => void vehicle.refetch()} />
  if (!vehicle.data) return <Loader role="status" aria-label="Loading vehicle" />

  const v = vehicle.data
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{vehicleName(v)}</Title>
          <Text c="dimmed" size="sm">
            {[v.licensePlate, v.customerName].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap="xs">
          <ExportMenu vehicleId={v.id} />
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="light"
            color={v.status === 'active' ? 'red' : 'green'}
            leftSection={v.status === 'active' ? <IconPower size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
            onClick={() => toggleStatus(v)}
          >
            {v.status === 'active' ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Group>

      <VehicleDetails vehicle={v} owner={owner.data} />

      <VehicleSchedule vehicleId={v.id} active={v.status === 'active'} />

      {editing && <VehicleFormModal vehicle={v} onClose={() => setEditing(false)} />}
    </Stack>
  )
}
