import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconCarSuv } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { CustomerSummary } from '../../../../shared/domain/customers'
import { ActiveToggleAction, EditAction } from '../../shared/ui/RowActions'

interface Props {
  customers: CustomerSummary[]
  onEdit(customer: CustomerSummary): void
  onAddVehicle(customer: CustomerSummary): void
  onToggleActive(customer: CustomerSummary): void
}

const none = (
  <Text span c="dimmed" size="sm">
    none
  </Text>
)

export function CustomersTable({ customers, onEdit, onAddVehicle, onToggleActive }: Props) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Customers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Vehicles</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fw={500} size="sm">
                    {c.name}
                  </Text>
                  {!c.active && (
                    <Badge variant="outline" color="gray.7" size="sm">
                      Inactive
                    </Badge>
                  )}
                </Group>
                {c.notes && (
                  <Text size="xs" c="dimmed" lineClamp={1} maw={320} title={c.notes}>
                    {c.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {c.email ? (
                  <Anchor href={`mailto:${c.email}`} size="sm">
                    {c.email}
                  </Anchor>
                ) : (
                  none
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phone ?? none}</Table.Td>
              <Table.Td>
                {c.vehicleCount > 0 ? (
                  <Anchor
                    component={Link}
                    to={`/vehicles?customer=${c.id}`}
                    size="sm"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={`${c.vehicleCount === 1 ? '1 active vehicle' : `${c.vehicleCount} active vehicles`} of ${c.name}`}
                  >
                    {c.vehicleCount === 1 ? '1 vehicle' : `${c.vehicleCount} vehicles`}
                  </Anchor>
                ) : (
                  <Text span c="dimmed" size="sm">
                    none active
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {c.active && (
                    <Tooltip label="Add vehicle">
                      <ActionIcon variant="subtle" aria-label={`Add a vehicle for ${c.name}`} onClick={() => onAddVehicle(c)}>
                        <IconCarSuv size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <EditAction name={c.name} onClick={() => onEdit(c)} />
                  <ActiveToggleAction active={c.active} name={c.name} onClick={() => onToggleActive(c)} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
