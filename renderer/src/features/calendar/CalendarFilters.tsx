import { memo } from 'react'
import { Group, MultiSelect, Select, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../../shared/domain/activities'
import { CATEGORIES, type Category } from '../../../../shared/domain/activity-types'
import type { Bay } from '../../../../shared/domain/bays'
import type { Technician } from '../../../../shared/domain/technicians'
import { CATEGORY_LABEL, STATUS_LABEL } from '../../shared/ui/appearance'

export interface Filters {
  status: ActivityStatus[]
  category: Category[]
  bayId: number | null
  technicianId: number | null
  text: string
}
export const NO_FILTERS: Filters = { status: [], category: [], bayId: null, technicianId: null, text: '' }

interface Props {
  value: Filters
  onChange: (filters: Filters) => void
  bays: Bay[]
  technicians: Technician[]
}

export const CalendarFilters = memo(function CalendarFilters({ value, onChange, bays, technicians }: Props) {
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => onChange({ ...value, [key]: v })
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        size="xs"
        w={200}
        label="Vehicle or customer"
        placeholder="Plate, make, name…"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={value.text}
        onChange={(e) => set('text', e.currentTarget.value)}
      />
      <MultiSelect
        size="xs"
        w={190}
        label="Status"
        placeholder={value.status.length ? undefined : 'Any'}
        data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        value={value.status}
        onChange={(v) => set('status', v as ActivityStatus[])}
        clearable
      />
      <MultiSelect
        size="xs"
        w={190}
        label="Category"
        placeholder={value.category.length ? undefined : 'Any'}
        data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))}
        value={value.category}
        onChange={(v) => set('category', v as Category[])}
        clearable
      />
      <Select
        size="xs"
        w={130}
        label="Bay"
        placeholder="Any"
        data={bays.map((b) => ({ value: String(b.id), label: b.name }))}
        value={value.bayId === null ? null : String(value.bayId)}
        onChange={(v) => set('bayId', v ? Number(v) : null)}
        clearable
      />
      <Select
        size="xs"
        w={150}
        label="Technician"
        placeholder="Any"
        data={technicians.map((t) => ({ value: String(t.id), label: t.name }))}
        value={value.technicianId === null ? null : String(value.technicianId)}
        onChange={(v) => set('technicianId', v ? Number(v) : null)}
        clearable
      />
    </Group>
  )
})
