import { Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { technicianSchemas, type Technician } from '../../../../shared/domain/technicians'
import { useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'

const resolve = zod4Resolver(technicianSchemas.create, { errorPriority: 'first' })

/** Add a technician, or edit one. One who left is marked inactive, never deleted: their work history stays. */
export function TechnicianFormModal({ technician, onClose }: { technician?: Technician; onClose(): void }) {
  const form = useForm({
    initialValues: { name: technician?.name ?? '', email: technician?.email ?? '', active: technician?.active ?? true },
    validate: (v) => resolve({ name: v.name, email: v.email }),
  })
  const create = useChannelMutation('technicians.create')
  const update = useChannelMutation('technicians.update')

  return (
    <FormDialog
      title={technician ? `Edit ${technician.name}` : 'Add a technician'}
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = technician
          ? await update.mutateAsync({ id: technician.id, ...values })
          : await create.mutateAsync({ name: values.name, email: values.email })
        notifications.show({ color: 'green', message: `${saved.name} saved` })
        onClose()
      }}
      submitLabel={technician ? 'Save technician' : 'Add technician'}
      pending={create.isPending || update.isPending}
    >
      <TextInput label="Name" withAsterisk autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <TextInput label="Email" type="email" autoComplete="off" description="For calendar invites; optional" {...form.getInputProps('email')} />
      {technician && (
        <Switch
          label="Works here"
          description="An inactive technician takes no new bookings; past work stays"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormDialog>
  )
}
