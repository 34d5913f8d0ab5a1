import { Select, type SelectProps } from '@mantine/core'
import { useChannel } from '../../lib/queries'

/**
 * Picks a vehicle's owner among the active customers (the core refuses an inactive one).
 * Values are customer ids as strings, the way Mantine's Select wants them.
 */
export function CustomerSelect(props: Omit<SelectProps, 'data'>) {
  const customers = useChannel('customers.list', {})
  const data = (customers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))
  return (
    <Select
      searchable
      nothingFoundMessage={customers.isLoading ? 'Loading customers…' : 'No active customer by that name'}
      placeholder="Search customers"
      data={data}
      {...props}
    />
  )
}
