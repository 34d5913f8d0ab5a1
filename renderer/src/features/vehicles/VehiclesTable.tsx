import type { ReactNode } from 'react'
import { Anchor, Badge, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { IconArrowDown, IconSelector } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import type { NextDue, Vehicle, VehicleListItem, VehicleSort } from '../../../../shared/domain/vehicles'
import { formatDate, vehicleLabel, vehicleName } from '../../shared/time/format'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { formatStamp } from '../../shared/time/shop-time'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { ActiveToggleAction, EditAction } from '../../shared/ui/RowActions'

interface Props {
  vehicles: VehicleListItem[]
  /** A status column, when the list mixes active and inactive vehicles. */
  showStatus: boolean
  sort: VehicleSort
  onSort(sort: VehicleSort): void
  onEdit(vehicle: Vehicle): void
  onToggleStatus(vehicle: Vehicle): void
}

/** A column heading that sorts the list by it; the list is sorted one way per column (the way a desk reads it). */
function SortHeader({ by, sort, onSort, children }: { by: VehicleSort; sort: VehicleSort; onSort(sort: VehicleSort): void; children: ReactNode }) {
  const active = by === sort
  const Icon = active ? IconArrowDown : IconSelector
  return (
    <Table.Th aria-sort={active ? 'ascending' : undefined} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(by)} fw={700} fz="sm" data-active={active || undefined}>
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}

function NextDueCell({ next, timeZone }: { next: NextDue | null; timeZone: string | null }) {
  if (!next)
    return (
      <Text span c="dimmed" size="sm">
        Nothing planned
      </Text>
    )
  return (
    <div>
      <Text size="sm" lh={1.3}>
        {next.typeName}
      </Text>
      <Text size="xs" c={next.overdue ? STATUS_FILL.missed.bg : 'dimmed'} lh={1.3} style={{ whiteSpace: 'nowrap' }}>
        {next.start && timeZone ? formatStamp(next.start, timeZone) : formatDate(next.dueDate)}
      </Text>
    </div>
  )
}

export function VehiclesTable({ vehicles, showStatus, sort, onSort, onEdit, onToggleStatus }: Props) {
  const navigate = useNavigate()
  const { timeZone } = useShopClock()
  const header = { sort, onSort }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Vehicles">
        <Table.Thead>
          <Table.Tr>
            <SortHeader by="vehicle" {...header}>
              Vehicle
            </SortHeader>
            <Table.Th>Plate</Table.Th>
            <Table.Th>VIN</Table.Th>
            <SortHeader by="customer" {...header}>
              Customer
            </SortHeader>
            <SortHeader by="next_due" {...header}>
              Next due
            </SortHeader>
            <SortHeader by="overdue" {...header}>
              Overdue
            </SortHeader>
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
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {v.licensePlate ?? (
                  <Text span c="dimmed" size="sm">
                    none
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {v.vin}
                </Text>
              </Table.Td>
              <Table.Td>{v.customerName}</Table.Td>
              <Table.Td>
                <NextDueCell next={v.nextDue} timeZone={timeZone} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {v.overdueCount > 0 && (
                  // The calendar's missed red: Mantine's red.6 is under 4.5:1 for small text.
                  // Never cut short: a count read as "2 OVERD…" says nothing.
                  <Badge
                    color={STATUS_FILL.missed.bg}
                    variant="filled"
                    tt="none"
                    title={`${v.overdueCount} overdue`}
                    style={{ overflow: 'visible', maxWidth: 'none' }}
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {v.overdueCount > 1 ? `${v.overdueCount} overdue` : 'Overdue'}
                  </Badge>
                )}
              </Table.Td>
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
                  <EditAction name={vehicleLabel(v)} onClick={() => onEdit(v)} />
                  <ActiveToggleAction active={v.status === 'active'} name={vehicleLabel(v)} onClick={() => onToggleStatus(v)} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
