import { useState } from 'react'
import { Divider, Fieldset, NumberInput, SimpleGrid, Stack, Switch } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { settingsFields, type Settings } from '../../../../shared/domain/settings'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { ScheduleAllButton } from '../schedule/ScheduleAllButton'
import { useReconcileOffer } from '../schedule/useReconcileOffer'
import { blankNumbers, numberOrUndefined, useFollowStored } from '../../shared/ui/form-support'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { SaveOrUndo } from './SaveOrUndo'

const schedulingSchema = settingsFields.pick({
  inspectionIntervalMonths: true,
  horizonMonths: true,
  autoSchedule: true,
  remindersEnabled: true,
  reminderDaysBefore: true,
  missedGraceDays: true,
  dueSoonDays: true,
  dueSoonMiles: true,
})
const resolve = zod4Resolver(schedulingSchema, { errorPriority: 'first' })

const NUMBER_FIELDS = ['inspectionIntervalMonths', 'horizonMonths', 'reminderDaysBefore', 'missedGraceDays', 'dueSoonDays', 'dueSoonMiles'] as const
type NumberField = (typeof NUMBER_FIELDS)[number]
type Values = Record<NumberField, number | string> & { autoSchedule: boolean; remindersEnabled: boolean }

const fromSettings = (s: Settings): Values => ({
  inspectionIntervalMonths: s.inspectionIntervalMonths,
  horizonMonths: s.horizonMonths,
  autoSchedule: s.autoSchedule,
  remindersEnabled: s.remindersEnabled,
  reminderDaysBefore: s.reminderDaysBefore,
  missedGraceDays: s.missedGraceDays,
  dueSoonDays: s.dueSoonDays,
  dueSoonMiles: s.dueSoonMiles,
})
const toInput = (v: Values) =>
  ({
    ...v,
    ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, numberOrUndefined(v[f])])),
  }) as Record<NumberField, number> & { autoSchedule: boolean; remindersEnabled: boolean }

function validate(values: Values) {
  const blank = blankNumbers(values, NUMBER_FIELDS)
  return Object.keys(blank).length > 0 ? blank : resolve(toInput(values))
}

export function SchedulingSection() {
  const settings = useChannel('settings.get', {})
  return (
    <SectionFrame
      title="Scheduling"
      description="How far ahead vehicles are planned, how often they are inspected, and when work counts as due soon or missed."
      actions={<ScheduleAllButton />}
      loading={settings.isPending}
      error={settings.error}
    >
      {settings.data && <SchedulingForm settings={settings.data} />}
    </SectionFrame>
  )
}

function SchedulingForm({ settings }: { settings: Settings }) {
  const form = useForm<Values>({ initialValues: fromSettings(settings), validate })
  useFollowStored(form, fromSettings(settings))
  const update = useChannelMutation('settings.update')
  const [problem, setProblem] = useState<string | null>(null)
  const [offerReconcile, reconcileDialog] = useReconcileOffer()

  const save = form.onSubmit(async (values) => {
    setProblem(null)
    const before = form.getInitialValues()
    try {
      const saved = await update.mutateAsync(toInput(values))
      form.setInitialValues(fromSettings(saved))
      form.resetDirty(fromSettings(saved))
      notifications.show({ color: 'green', message: 'Scheduling settings saved' })
      // Only these two change what the planner produces; thresholds and reminders only change how work is shown.
      const changed: string[] = []
      if (saved.inspectionIntervalMonths !== before.inspectionIntervalMonths) changed.push('inspection interval')
      if (saved.horizonMonths !== before.horizonMonths) changed.push('planning horizon')
      if (changed.length > 0) offerReconcile(`The ${changed.join(' and ')} changed. Update every vehicle's plan to match?`)
    } catch (error) {
      setProblem(showFieldErrors(error, Object.keys(values), form.setErrors))
    }
  })

  const num = (field: NumberField, label: string, description: string, suffix?: string) => (
    <NumberInput
      label={label}
      description={description}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={field === 'dueSoonMiles' ? ',' : undefined}
      suffix={suffix}
      {...form.getInputProps(field)}
    />
  )

  return (
    <>
      <form onSubmit={save} noValidate aria-label="Scheduling settings">
        <Stack gap="md">
          <FormProblem message={problem} />
          <Fieldset legend="Planning">
            <SimpleGrid cols={3}>
              {num('inspectionIntervalMonths', 'Inspection interval (months)', 'A minor inspection every this many months, 1–24')}
              {num('horizonMonths', 'Planning horizon (months)', 'How far ahead work is planned, 1–36')}
              <Switch
                mt={28}
                label="Plan automatically"
                description="Re-plan a vehicle when it is added or its readings change"
                {...form.getInputProps('autoSchedule', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Reminders and thresholds">
            <Switch
              label="Remind customers"
              description="List customers to contact before their booked or due work"
              {...form.getInputProps('remindersEnabled', { type: 'checkbox' })}
            />
            <SimpleGrid cols={4} mt="md">
              {num('reminderDaysBefore', 'Remind days before', 'Contact them this many days ahead')}
              {num('missedGraceDays', 'Missed after (days)', 'Unstarted past its day this long')}
              {num('dueSoonDays', 'Due soon within days', 'Counts as due soon within')}
              {num('dueSoonMiles', 'Due soon within miles', 'Of a mileage interval')}
            </SimpleGrid>
          </Fieldset>
          <Divider />
          <SaveOrUndo form={form} pending={update.isPending} label="Save scheduling" />
        </Stack>
      </form>
      {reconcileDialog}
    </>
  )
}
