import { useState } from 'react'
import { Button, CloseButton, Group, Loader, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import type { Customer } from '../../../../shared/domain/customers'
import { useChannel } from '../../shared/data/queries'
import { EmptyState } from '../../shared/ui/EmptyState'
import { LoadError } from '../../shared/ui/LoadError'
import { CustomersTable } from './CustomersTable'
import { CustomerFormModal } from '../fleet-forms/CustomerFormModal'
import { useCustomerActive } from './useCustomerActive'
import { VehicleFormModal } from '../fleet-forms/VehicleFormModal'
import { ExportCsvMenu } from '../import/ExportCsvMenu'

type Dialog = { kind: 'create' } | { kind: 'edit'; customer: Customer } | { kind: 'vehicle'; customer: Customer } | null

/** The shop's customers: people and fleets who own the vehicles. */
export function CustomersPage() {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 200)
  const [includeInactive, setIncludeInactive] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  const toggleActive = useCustomerActive()

  const customers = useChannel('customers.list', { includeInactive, ...(debounced ? { search: debounced } : {}) })
  const list = customers.data ?? []
  const filtered = Boolean(debounced)
  // Only asked when the active list is empty: are there inactive ones, or none at all?
  const everyone = useChannel('customers.list', { includeInactive: true }, { enabled: customers.data?.length === 0 && !filtered && !includeInactive })
  const onlyInactive = includeInactive === false && (everyone.data?.length ?? 0) > 0

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Customers</Title>
        <Group gap="xs">
          <ExportCsvMenu first="customers" />
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            New customer
          </Button>
        </Group>
      </Group>

      <Group gap="md" align="center">
        <TextInput
          aria-label="Search customers"
          placeholder="Name, email or phone"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={search ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setSearch('')} /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={340}
        />
        <Switch label="Show inactive" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        {customers.isFetching && <Loader size="xs" role="status" aria-label="Loading customers" />}
        {customers.data && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {list.length === 1 ? '1 customer' : `${list.length} customers`}
          </Text>
        )}
      </Group>

      {customers.error ? (
        <LoadError what="customers" error={customers.error} retry={() => void customers.refetch()} />
      ) : customers.isLoading ? (
        <Loader role="status" aria-label="Loading customers" />
      ) : list.length > 0 ? (
        <CustomersTable
          customers={list}
          onEdit={(customer) => setDialog({ kind: 'edit', customer })}
          onAddVehicle={(customer) => setDialog({ kind: 'vehicle', customer })}
          onToggleActive={toggleActive}
        />
      ) : filtered ? (
        <EmptyState title="No customer matches">
          Nothing found for “{debounced}”. Search looks at names, email addresses and phone numbers
          {includeInactive ? '.' : ' of active customers; turn on “Show inactive” to include the others.'}
        </EmptyState>
      ) : (
        <EmptyState
          title={onlyInactive ? 'No active customers' : 'No customers yet'}
          action={
            <Button mt="xs" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              Add a customer
            </Button>
          }
        >
          {onlyInactive
            ? 'Every customer is inactive; turn on “Show inactive” to see them.'
            : 'Every vehicle belongs to a customer: a person or a fleet. Add one, then register their vehicles.'}
        </EmptyState>
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <CustomerFormModal customer={dialog.kind === 'edit' ? dialog.customer : undefined} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'vehicle' && <VehicleFormModal customerId={dialog.customer.id} onClose={() => setDialog(null)} />}
    </Stack>
  )
}
