import { Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { baySchemas, type Bay } from '../../../../shared/domain/bays'
import { useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'

const resolve = zod4Resolver(baySchemas.create, { errorPriority: 'first' })

/** Add a bay, or rename / retire one. Retired bays keep their history but take no new bookings. */
export function BayFormModal({ bay, onClose }: { bay?: Bay; onClose(): void }) {
  const form = useForm({
    initialValues: { name: bay?.name ?? '', active: bay?.active ?? true },
    validate: (v) => resolve({ name: v.name }),
  })
  const create = useChannelMutation('bays.create')
  const update = useChannelMutation('bays.update')

  return (
    <FormDialog
      title={bay ? `Edit ${bay.name}` : 'Add a bay'}
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = bay
          ? await update.mutateAsync({ id: bay.id, name: values.name, active: values.active, sortOrder: bay.sortOrder })
          : await create.mutateAsync({ name: values.name })
        notifications.show({ color: 'green', message: `${saved.name} saved` })
        onClose()
      }}
      submitLabel={bay ? 'Save bay' : 'Add bay'}
      pending={create.isPending || update.isPending}
    >
      <TextInput label="Name" withAsterisk placeholder="e.g. Bay 3 (alignment)" data-autofocus {...form.getInputProps('name')} />
      {bay && (
        <Switch
          label="In use"
          description="A bay out of use takes no new bookings; its past work stays"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormDialog>
  )
}
