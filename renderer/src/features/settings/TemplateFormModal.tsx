import { Group, NumberInput, Radio, Select, SimpleGrid, Switch, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { templateFields, type MaintenanceTemplate } from '../../../../shared/domain/templates'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { FormDialog } from '../../shared/ui/FormDialog'
import { numberOrNull } from '../../shared/ui/form-support'
import { ActivityTypeFormModal } from './ActivityTypeFormModal'
import { PickOrAdd } from '../../shared/ui/PickOrAdd'

const resolve = zod4Resolver(templateFields, { errorPriority: 'first' })

interface Values {
  activityTypeId: string | null
  intervalMonths: number | string
  intervalDays: number | string
  intervalMiles: number | string
  anchor: MaintenanceTemplate['anchor']
  active: boolean
}
const toInput = (v: Values) => ({
  activityTypeId: v.activityTypeId ? Number(v.activityTypeId) : (undefined as unknown as number),
  intervalMonths: numberOrNull(v.intervalMonths),
  intervalDays: numberOrNull(v.intervalDays),
  intervalMiles: numberOrNull(v.intervalMiles),
  anchor: v.anchor,
})

interface Props {
  template?: MaintenanceTemplate
  onClose(): void
  /** After a save: templates change plans, so the caller offers to reconcile. */
  onSaved(template: MaintenanceTemplate): void
}

/** Add or edit a maintenance template: which work recurs, how often, counted from when. */
export function TemplateFormModal({ template, onClose, onSaved }: Props) {
  const form = useForm<Values>({
    initialValues: {
      activityTypeId: template ? String(template.activityTypeId) : null,
      intervalMonths: template?.intervalMonths ?? '',
      intervalDays: template?.intervalDays ?? '',
      intervalMiles: template?.intervalMiles ?? '',
      anchor: template?.anchor ?? 'onboarding',
      active: template?.active ?? true,
    },
    validate: (v) => {
      const errors = resolve(toInput(v))
      if (!v.activityTypeId) errors.activityTypeId = 'Choose the work to plan'
      return errors
    },
  })
  // Inspections recur by the inspection interval in Scheduling, so only other types are offered.
  const types = useChannel('activityTypes.list', {})
  const typeOptions = (types.data ?? [])
    .filter((t) => !t.builtin || String(t.id) === form.values.activityTypeId)
    .map((t) => ({ value: String(t.id), label: t.name }))
  const create = useChannelMutation('templates.create')
  const update = useChannelMutation('templates.update')

  const interval = (field: 'intervalMonths' | 'intervalDays' | 'intervalMiles', label: string) => (
    <NumberInput
      label={label}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={field === 'intervalMiles' ? ',' : undefined}
      {...form.getInputProps(field)}
    />
  )

  return (
    <FormDialog
      title={template ? `Edit ${template.typeName} template` : 'Add a maintenance template'}
      size="lg"
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = template
          ? await update.mutateAsync({ ...toInput(values), id: template.id, active: values.active })
          : await create.mutateAsync(toInput(values))
        notifications.show({ color: 'green', message: `${saved.typeName} template saved` })
        onSaved(saved)
      }}
      submitLabel={template ? 'Save template' : 'Add template'}
      pending={create.isPending || update.isPending}
    >
      {/* The work to plan may not exist yet: "New type…" adds it here. */}
      <PickOrAdd
        addLabel="New type…"
        chosen={Boolean(form.values.activityTypeId)}
        select={(onInput) => (
          <Select
            label="Work"
            withAsterisk
            placeholder="Choose an activity type"
            searchable
            style={{ flex: 1 }}
            data={typeOptions}
            nothingFoundMessage="No such type yet: New type… adds it"
            onInput={onInput}
            {...form.getInputProps('activityTypeId')}
          />
        )}
        dialog={(name, close) => (
          <ActivityTypeFormModal initialName={name} onClose={close} onSaved={(t) => form.setFieldValue('activityTypeId', String(t.id))} />
        )}
      />
      <div>
        <Text fw={500} size="sm">
          Every
        </Text>
        <Text size="xs" c="dimmed">
          Give one or more; whichever comes first wins. A miles interval needs two odometer readings at least 14 days apart to estimate a date.
        </Text>
        <SimpleGrid cols={3} mt={6}>
          {interval('intervalMonths', 'Months')}
          {interval('intervalDays', 'Days')}
          {interval('intervalMiles', 'Miles')}
        </SimpleGrid>
      </div>
      <Radio.Group label="Counted from" {...form.getInputProps('anchor')}>
        <Group gap="lg" mt={6}>
          <Radio value="onboarding" label="The vehicle's onboarding (fixed rhythm)" />
          <Radio value="last_completed" label="When it was last done" />
        </Group>
      </Radio.Group>
      {template && (
        <Switch
          label="In use"
          description="A template out of use plans nothing more; work already planned is removed on the next reconcile"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
    </FormDialog>
  )
}
