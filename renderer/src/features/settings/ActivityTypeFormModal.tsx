import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { activityTypeFields, CATEGORIES, type ActivityType, type Category } from '../../../../shared/domain/activity-types'
import { useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'
import { CATEGORY_LABEL } from './categories'
import { blankNumbers, numberOrUndefined } from '../../shared/ui/form-support'

const resolve = zod4Resolver(activityTypeFields, { errorPriority: 'first' })

interface Values {
  name: string
  category: Category
  durationMinutes: number | string
  active: boolean
}
const toInput = (v: Values) => ({
  name: v.name,
  category: v.category,
  durationMinutes: numberOrUndefined(v.durationMinutes) as number,
})

/** Add or edit a kind of work. Built-ins can be renamed and retimed but keep their category. */
interface Props {
  type?: ActivityType
  /** A new type's name as far as it was typed elsewhere (the template form's search). */
  initialName?: string
  onClose(): void
  onSaved?(type: ActivityType): void
}

export function ActivityTypeFormModal({ type, initialName, onClose, onSaved }: Props) {
  const form = useForm<Values>({
    initialValues: {
      name: type?.name ?? initialName ?? '',
      category: type?.category ?? 'maintenance',
      durationMinutes: type?.durationMinutes ?? 60,
      active: type?.active ?? true,
    },
    validate: (v) => ({ ...resolve(toInput(v)), ...blankNumbers(v, ['durationMinutes']) }),
  })
  const create = useChannelMutation('activityTypes.create')
  const update = useChannelMutation('activityTypes.update')

  return (
    <FormDialog
      title={type ? `Edit ${type.name}` : 'Add an activity type'}
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = type ? await update.mutateAsync({ ...toInput(values), id: type.id, active: values.active }) : await create.mutateAsync(toInput(values))
        notifications.show({ color: 'green', message: `${saved.name} saved` })
        onSaved?.(saved)
        onClose()
      }}
      submitLabel={type ? 'Save type' : 'Add type'}
      pending={create.isPending || update.isPending}
    >
      <TextInput label="Name" withAsterisk placeholder="e.g. Oil change" data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={2}>
        <Select
          label="Category"
          withAsterisk
          allowDeselect={false}
          disabled={!!type?.builtin}
          data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))}
          {...form.getInputProps('category')}
        />
        <NumberInput
          label="Duration"
          withAsterisk
          suffix=" min"
          allowDecimal={false}
          allowNegative={false}
          step={15}
          description="How long a booking takes"
          {...form.getInputProps('durationMinutes')}
        />
      </SimpleGrid>
      {/* Built-ins are always in use: every vehicle's inspections depend on them. */}
      {type && !type.builtin && (
        <Switch
          label="In use"
          description="An unused type is not offered for new work; existing work keeps it"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormDialog>
  )
}
