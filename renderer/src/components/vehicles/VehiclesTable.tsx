import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconEdit, IconPlayerPlay, IconPower } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import type { Vehicle } from '../../../../shared/domain/vehicles'
import { formatDate, vehicleLabel, vehicleName } from '../../lib/format'

interface Props {
  vehicles: Vehicle[]
  /** A status column, when the list mixes active and inactive vehicles. */
  showStatus: boolean
  onEdit(vehicle: Vehicle): void
  onToggleStatus(vehicle: Vehicle): void
}

export function VehiclesTable({ vehicles, showStatus, onEdit, onToggleStatus }: Props) {
  const navigate = useNavigate()
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Vehicles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vehicle</Table.Th>
            <Table.Th>Plate</Table.Th>
            <Table.Th>VIN</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Onboarded</Table.Th>
            {showStatus && <Table.Th>Status</Table.Th>}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vehicles.map((v) => (
            <Table.Tr
              key={v.id}
              style={{ cursor: 'pointer' }}
              // The whole row opens the vehicle for the mouse; the name is the link for the keyboard.
              onClick={(e) => {
                if (!(e.target as Element).closest('a, button')) void navigate(`/vehicles/${v.id}`)
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={`/vehicles/${v.id}`} fw={500} size="sm">
                  {vehicleName(v)}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{v.licensePlate ?? <Text span c="dimmed" size="sm">none</Text>}</Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {v.vin}
                </Text>
              </Table.Td>
              <Table.Td>{v.customerName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.onboardingDate)}</Table.Td>
              {showStatus && (
                <Table.Td>
                  <Badge variant="dot" color={v.status === 'active' ? 'green' : 'gray'}>
                    {v.status === 'active' ? 'Active' : 'Inactive'}
                  </Badge>
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${vehicleLabel(v)}`} onClick={() => onEdit(v)}>
                      <IconEdit size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={v.status === 'active' ? 'Deactivate' : 'Reactivate'}>
                    <ActionIcon
                      variant="subtle"
                      color={v.status === 'active' ? 'red' : 'green'}
                      aria-label={`${v.status === 'active' ? 'Deactivate' : 'Reactivate'} ${vehicleLabel(v)}`}
                      onClick={() => onToggleStatus(v)}
                    >
                      {v.status === 'active' ? <IconPower size={18} aria-hidden /> : <IconPlayerPlay size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
