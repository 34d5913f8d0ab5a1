import { Select, type SelectProps } from '@mantine/core'
import { useChannel } from '../../shared/data/queries'

interface Props extends Omit<SelectProps, 'data'> {
  /** The owner a vehicle already has: listed even when inactive, so an edit shows who it is. */
  current?: { id: number; name: string }
}

/**
 * Picks a vehicle's owner among the active customers (the core refuses an inactive one).
 * Values are customer ids as strings, the way Mantine's Select wants them.
 */
export function CustomerSelect({ current, ...props }: Props) {
  const customers = useChannel('customers.list', {})
  const data = (customers.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))
  if (current && !data.some((d) => d.value === String(current.id))) {
    data.unshift({ value: String(current.id), label: `${current.name} (inactive)` })
  }
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
