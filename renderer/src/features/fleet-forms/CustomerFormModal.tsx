import { Group, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { customerFields, type Customer } from '../../../../shared/domain/customers'
import { useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'

interface Props {
  /** The customer to edit; without one the dialog creates a customer. */
  customer?: Customer
  /** A new customer's name as far as it was typed elsewhere (the vehicle form's search). */
  initialName?: string
  onClose(): void
  onSaved?(customer: Customer): void
}

// A type, not an interface: the resolver takes a plain record.
type Values = {
  name: string
  email: string
  phone: string
  notes: string
}

const validate = zod4Resolver(customerFields, { errorPriority: 'first' })

/** Create or edit a customer. Mounted only while open, so each opening starts from the record. */
export function CustomerFormModal({ customer, initialName, onClose, onSaved }: Props) {
  const form = useForm<Values>({
    initialValues: {
      name: customer?.name ?? initialName ?? '',
      email: customer?.email ?? '',
      phone: customer?.phone ?? '',
      notes: customer?.notes ?? '',
    },
    validate,
  })
  const create = useChannelMutation('customers.create')
  const update = useChannelMutation('customers.update')

  return (
    <FormDialog
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      size="lg"
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = customer ? await update.mutateAsync({ ...values, id: customer.id }) : await create.mutateAsync(values)
        notifications.show({ color: 'green', message: `${saved.name} saved` })
        onSaved?.(saved)
        onClose()
      }}
      submitLabel={customer ? 'Save changes' : 'Create customer'}
      pending={create.isPending || update.isPending}
    >
      <TextInput label="Name" withAsterisk autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <Group grow align="flex-start">
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
      </Group>
      <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
    </FormDialog>
  )
}
