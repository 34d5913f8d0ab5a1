import { Group, Radio, Select, SimpleGrid, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { closureFields, type Closure } from '../../../../shared/domain/closures'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'

type Scope = Closure['scope']
interface Values {
  startsOn: string | null
  endsOn: string | null
  scope: Scope
  bayId: string | null
  technicianId: string | null
  reason: string
}

const resolve = zod4Resolver(closureFields, { errorPriority: 'first' })
const toInput = (v: Values) => ({
  startsOn: v.startsOn ?? '',
  endsOn: v.endsOn ?? '',
  scope: v.scope,
  // Only the resource the scope names travels; a bay picked then abandoned for "technician" must not.
  bayId: v.scope === 'bay' && v.bayId ? Number(v.bayId) : null,
  technicianId: v.scope === 'technician' && v.technicianId ? Number(v.technicianId) : null,
  reason: v.reason,
})

interface Props {
  /** The day to start from, the shop's today. */
  today: string
  onClose(): void
  onSaved(closure: Closure): void
}

/** Add a closure: the whole shop, one bay or one technician, for one or more days. */
export function ClosureFormModal({ today, onClose, onSaved }: Props) {
  const form = useForm<Values>({
    initialValues: { startsOn: today, endsOn: today, scope: 'shop', bayId: null, technicianId: null, reason: '' },
    validate: (v) => {
      const errors = resolve(toInput(v))
      if (!v.startsOn) errors.startsOn = 'Choose the first day'
      if (!v.endsOn) errors.endsOn = 'Choose the last day'
      return errors
    },
  })
  const bays = useChannel('bays.list', {})
  const technicians = useChannel('technicians.list', {})
  const create = useChannelMutation('closures.create')

  const scope = form.values.scope
  return (
    <FormDialog
      title="Add a closure"
      size="lg"
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = await create.mutateAsync(toInput(values))
        notifications.show({ color: 'green', message: 'Closure added' })
        onSaved(saved)
      }}
      submitLabel="Add closure"
      pending={create.isPending}
    >
      <Radio.Group label="What is closed" {...form.getInputProps('scope')}>
        <Group gap="lg" mt={6}>
          <Radio value="shop" label="The whole shop" />
          <Radio value="bay" label="One bay" />
          <Radio value="technician" label="One technician (time off)" />
        </Group>
      </Radio.Group>
      {scope === 'bay' && (
        <Select
          label="Bay"
          withAsterisk
          placeholder="Choose the bay"
          data={(bays.data ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
          nothingFoundMessage="No bays yet: add them under Bays"
          {...form.getInputProps('bayId')}
        />
      )}
      {scope === 'technician' && (
        <Select
          label="Technician"
          withAsterisk
          placeholder="Choose the technician"
          data={(technicians.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          nothingFoundMessage="No technicians yet: add them under Technicians"
          {...form.getInputProps('technicianId')}
        />
      )}
      <SimpleGrid cols={2}>
        <DateInput label="First day" withAsterisk valueFormat="MMM D, YYYY" {...form.getInputProps('startsOn')} />
        <DateInput label="Last day" withAsterisk valueFormat="MMM D, YYYY" minDate={form.values.startsOn ?? undefined} {...form.getInputProps('endsOn')} />
      </SimpleGrid>
      <TextInput label="Reason" placeholder="e.g. Thanksgiving, lift maintenance, vacation" {...form.getInputProps('reason')} />
    </FormDialog>
  )
}
