import { useState } from 'react'
import { Button, CloseButton, Group, Loader, Pill, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react'
import { useSearchParams } from 'react-router'
import { VEHICLE_SORTS, type Vehicle, type VehicleSort } from '../../../../shared/domain/vehicles'
import { useChannel } from '../../shared/data/queries'
import { EmptyState } from '../../shared/ui/EmptyState'
import { LoadError } from '../../shared/ui/LoadError'
import { VehiclesTable } from './VehiclesTable'
import { VehicleFormModal } from '../fleet-forms/VehicleFormModal'
import { useVehicleStatus } from './useVehicleStatus'
import { ScheduleAllButton } from '../schedule/ScheduleAllButton'
import { ImportWizard } from '../import/ImportWizard'
import { ExportCsvMenu } from '../import/ExportCsvMenu'

type StatusFilter = 'active' | 'inactive' | 'all'
const STATUS_FILTERS = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'all', label: 'All' },
] satisfies { value: StatusFilter; label: string }[]
const isStatusFilter = (s: string | null): s is StatusFilter => STATUS_FILTERS.some((f) => f.value === s)
const isSort = (s: string | null): s is VehicleSort => VEHICLE_SORTS.some((v) => v === s)

type Dialog = { kind: 'create' } | { kind: 'edit'; vehicle: Vehicle } | { kind: 'import' } | null

/**
 * Every vehicle the shop looks after. Filters and the order live in the URL (`?q=&status=&customer=&sort=`), so
 * coming back from a vehicle's page finds the list as it was left.
 */
export function VehiclesPage() {
  const [params, setParams] = useSearchParams()
  const [search, setSearch] = useState(params.get('q') ?? '')
  const [debounced] = useDebouncedValue(search.trim(), 200)
  const statusParam = params.get('status')
  const status: StatusFilter = isStatusFilter(statusParam) ? statusParam : 'active'
  const customerId = Number(params.get('customer')) || undefined
  const sortParam = params.get('sort')
  const sort: VehicleSort = isSort(sortParam) ? sortParam : 'customer'
  const [dialog, setDialog] = useState<Dialog>(null)
  const toggleStatus = useVehicleStatus()

  const vehicles = useChannel('vehicles.list', {
    status,
    sort,
    ...(debounced ? { search: debounced } : {}),
    ...(customerId ? { customerId } : {}),
  })
  const owner = useChannel('customers.get', { id: customerId ?? 0 }, { enabled: customerId !== undefined })

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value)
        else p.delete(key)
        return p
      },
      { replace: true },
    )

  const searching = Boolean(debounced) || customerId !== undefined
  const list = vehicles.data ?? []
  // Only asked when the active list is empty: are the others inactive, or is there nothing yet?
  const everything = useChannel('vehicles.list', { status: 'all' }, { enabled: vehicles.data?.length === 0 && !searching && status === 'active' })

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Vehicles</Title>
        <Group gap="xs">
          <ExportCsvMenu first="vehicles" />
          <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setDialog({ kind: 'import' })}>
            Import…
          </Button>
          <ScheduleAllButton />
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            New vehicle
          </Button>
        </Group>
      </Group>

      <Group gap="sm" align="center">
        <TextInput
          aria-label="Search vehicles"
          placeholder="Customer, plate, VIN, make or model"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={search ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setSearch('')} /> : null}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value)
            setParam('q', e.currentTarget.value.trim() || null)
          }}
          w={340}
        />
        <SegmentedControl
          aria-label="Show vehicles by status"
          data={STATUS_FILTERS}
          value={status}
          onChange={(value) => setParam('status', value === 'active' ? null : value)}
        />
        {customerId !== undefined && (
          <Pill size="md" withRemoveButton onRemove={() => setParam('customer', null)} removeButtonProps={{ 'aria-label': 'Show every customer' }}>
            Customer: {owner.data?.name ?? '…'}
          </Pill>
        )}
        {vehicles.isFetching && <Loader size="xs" role="status" aria-label="Loading vehicles" />}
        {vehicles.data && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {list.length === 1 ? '1 vehicle' : `${list.length} vehicles`}
          </Text>
        )}
      </Group>

      {vehicles.error ? (
        <LoadError what="vehicles" error={vehicles.error} retry={() => void vehicles.refetch()} />
      ) : vehicles.isLoading ? (
        <Loader role="status" aria-label="Loading vehicles" />
      ) : list.length > 0 ? (
        <VehiclesTable
          vehicles={list}
          showStatus={status !== 'active'}
          sort={sort}
          onSort={(s) => setParam('sort', s === 'customer' ? null : s)}
          onEdit={(vehicle) => setDialog({ kind: 'edit', vehicle })}
          onToggleStatus={toggleStatus}
        />
      ) : searching ? (
        <EmptyState title="No vehicle matches">
          {debounced ? `Nothing found for “${debounced}”. ` : ''}Search looks at the customer's name, the plate (spaces and dashes ignored), the VIN, and make
          and model.{status === 'active' ? ' Inactive vehicles are under “Inactive”.' : ''}
        </EmptyState>
      ) : status === 'inactive' ? (
        <EmptyState title="No inactive vehicles">A vehicle you deactivate is kept here with its history.</EmptyState>
      ) : status === 'active' && (everything.data?.length ?? 0) > 0 ? (
        <EmptyState title="No active vehicles">Every vehicle is inactive; they are under “Inactive”.</EmptyState>
      ) : (
        <EmptyState
          title="No vehicles yet"
          action={
            <Group gap="xs" mt="xs">
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
                Register the first vehicle
              </Button>
              <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setDialog({ kind: 'import' })}>
                Import a fleet from a spreadsheet
              </Button>
            </Group>
          }
        >
          Register a vehicle with its VIN and onboarding date, and its inspections are planned from that day.
        </EmptyState>
      )}

      {dialog?.kind === 'import' && <ImportWizard onClose={() => setDialog(null)} />}
      {dialog && dialog.kind !== 'import' && (
        <VehicleFormModal vehicle={dialog.kind === 'edit' ? dialog.vehicle : undefined} customerId={customerId} onClose={() => setDialog(null)} />
      )}
    </Stack>
  )
}
