import { useState } from 'react'
import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { referenceSchemas, type Bay } from '../../../../shared/domain/reference'
import { useChannelMutation } from '../../lib/queries'
import { showFieldErrors } from '../../lib/form-errors'
import { FormProblem } from '../FormProblem'
import { confirmDiscard } from '../confirmDiscard'

const resolve = zod4Resolver(referenceSchemas.baysCreate, { errorPriority: 'first' })

/** Add a bay, or rename / retire one. Retired bays keep their history but take no new bookings. */
export function BayFormModal({ bay, onClose }: { bay?: Bay; onClose(): void }) {
  const form = useForm({
    initialValues: { name: bay?.name ?? '', active: bay?.active ?? true },
    validate: (v) => resolve({ name: v.name }),
  })
  const create = useChannelMutation('bays.create')
  const update = useChannelMutation('bays.update')
  const [problem, setProblem] = useState<string | null>(null)

  const save = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const saved = bay
        ? await update.mutateAsync({ id: bay.id, name: values.name, active: values.active, sortOrder: bay.sortOrder })
        : await create.mutateAsync({ name: values.name })
      notifications.show({ color: 'green', message: `${saved.name} saved` })
      onClose()
    } catch (error) {
      setProblem(showFieldErrors(error, Object.keys(values), form.setErrors))
    }
  })

  return (
    // Escape, the close button and a click outside ask before dropping what was typed; Cancel means it.
    <Modal opened onClose={() => confirmDiscard(form.isDirty(), onClose)} title={bay ? `Edit ${bay.name}` : 'Add a bay'}>
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <FormProblem message={problem} />
          <TextInput label="Name" withAsterisk placeholder="e.g. Bay 3 (alignment)" data-autofocus {...form.getInputProps('name')} />
          {bay && (
            <Switch
              label="In use"
              description="A bay out of use takes no new bookings; its past work stays"
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {bay ? 'Save bay' : 'Add bay'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
