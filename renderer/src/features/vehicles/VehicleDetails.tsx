import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Customer } from '../../../../shared/domain/customers'
import type { Vehicle } from '../../../../shared/domain/vehicles'
import { formatDate } from '../../shared/time/format'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  )
}

const none = (
  <Text span c="dimmed" size="sm">
    none
  </Text>
)

/** What the front desk reads off a vehicle: its identity, its owner and how to reach them. */
export function VehicleDetails({ vehicle, owner }: { vehicle: Vehicle; owner?: Customer }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Vehicle
            </Title>
            <Badge variant="dot" color={vehicle.status === 'active' ? 'green' : 'gray'}>
              {vehicle.status === 'active' ? 'Active' : 'Inactive'}
            </Badge>
          </Group>
          <SimpleGrid component="dl" cols={3} spacing="md" verticalSpacing="sm" m={0}>
            <Fact label="VIN">
              <Text span ff="monospace" size="sm">
                {vehicle.vin}
              </Text>
            </Fact>
            <Fact label="License plate">{vehicle.licensePlate ?? none}</Fact>
            <Fact label="Model year">{vehicle.year}</Fact>
            <Fact label="Make">{vehicle.make}</Fact>
            <Fact label="Model">{vehicle.model}</Fact>
            <Fact label="Onboarded">{formatDate(vehicle.onboardingDate)}</Fact>
          </SimpleGrid>
          {vehicle.notes && (
            <Fact label="Notes">
              <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {vehicle.notes}
              </Text>
            </Fact>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            Owner
          </Title>
          <dl style={{ margin: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' }}>
            <Fact label="Customer">
              {vehicle.customerName}
              {owner && !owner.active && (
                <Badge ml={6} size="xs" variant="light" color="gray">
                  Inactive
                </Badge>
              )}
            </Fact>
            <Fact label="Phone">
              {owner?.phone ? (
                <Anchor href={`tel:${owner.phone}`} size="sm">
                  {owner.phone}
                </Anchor>
              ) : (
                none
              )}
            </Fact>
            <Fact label="Email">
              {owner?.email ? (
                <Anchor href={`mailto:${owner.email}`} size="sm">
                  {owner.email}
                </Anchor>
              ) : (
                none
              )}
            </Fact>
          </dl>
        </Stack>
      </Paper>
    </SimpleGrid>
  )
}
