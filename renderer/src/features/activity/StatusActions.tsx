import { useState, type FormEvent, type ReactNode } from 'react'
import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCalendarRepeat, IconCheck, IconPlayerPlay, IconX } from '@tabler/icons-react'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { z } from 'zod'
import { activitySchemas, TRANSITIONS, type Activity } from '../../../../shared/domain/activities'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { formatDate } from '../../shared/time/format'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { focusFirstInvalid, numberOrNull } from '../../shared/ui/form-support'
import { ACTIVITY_WRITE } from './use-activity-action'

// The calendar's completed and missed fills: white on Mantine's teal.6 and red.6 is under 4.5:1.
const DONE = STATUS_FILL.completed.bg
const STOP = STATUS_FILL.missed.bg

interface Props {
  activity: Activity
  run: (change: () => Promise<unknown>) => Promise<boolean>
  busy: boolean
  onRebook: () => void
}

/**
 * The status changes the rules allow from where the activity is now (TRANSITIONS), as buttons;
 * completing asks for the odometer, who and notes; cancelling asks why. `missed` is the core's
 * to set, so it never appears as a button.
 */
export function StatusActions({ activity: a, run, busy, onRebook }: Props) {
  const [form, setForm] = useState<'complete' | 'cancel' | null>(null)
  const start = useChannelMutation('activities.start', ACTIVITY_WRITE)
  const allowed = TRANSITIONS[a.status]
  const v = { id: a.id, version: a.version }
  if (allowed.length === 0) return null
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {allowed.includes('in_progress') && (
          <Button size="xs" leftSection={<IconPlayerPlay size={14} aria-hidden />} loading={busy} onClick={() => void run(() => start.mutateAsync(v))}>
            Start
          </Button>
        )}
        {allowed.includes('completed') && (
          <Button size="xs" color={DONE} leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setForm('complete')} disabled={form === 'complete'}>
            Complete…
          </Button>
        )}
        {a.status === 'missed' && allowed.includes('scheduled') && (
          <Button size="xs" leftSection={<IconCalendarRepeat size={14} aria-hidden />} onClick={onRebook}>
            Rebook…
          </Button>
        )}
        {allowed.includes('cancelled') && (
          <Button
            size="xs"
            color={STOP}
            variant="light"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => setForm('cancel')}
            disabled={form === 'cancel'}
          >
            Cancel activity…
          </Button>
        )}
      </Group>
      {form === 'complete' && <CompleteForm activity={a} run={run} busy={busy} onDone={() => setForm(null)} />}
      {form === 'cancel' && <CancelForm activity={a} run={run} busy={busy} onDone={() => setForm(null)} />}
    </Stack>
  )
}

// The shared schemas of completing and cancelling; the odometer with the words the form has
// always used (NumberInput already keeps it whole and within range as it is typed).
const completeFields = activitySchemas.complete.pick({ completedBy: true, notes: true }).extend({
  odometer: z.number().int('Whole miles only').min(0, 'Miles cannot be negative').max(2_000_000, 'That is more than any vehicle drives').nullable(),
})
const resolveComplete = zod4Resolver(completeFields, { errorPriority: 'first' })
const resolveCancel = zod4Resolver(activitySchemas.cancel.pick({ reason: true }), { errorPriority: 'first' })

interface CompleteValues {
  completedBy: string
  odometer: number | string
  odometerIsCorrection: boolean
  notes: string
}

/** A form that does not pass its checks: the first field that needs the person takes focus. */
const invalid = (_errors: unknown, _values: unknown, event?: { currentTarget: HTMLElement }) => focusFirstInvalid(event?.currentTarget)

interface FormProps {
  activity: Activity
  run: Props['run']
  busy: boolean
  onDone: () => void
}

function CompleteForm({ activity: a, run, busy, onDone }: FormProps) {
  const technicians = useChannel('technicians.list', {})
  const readings = useChannel('odometer.list', { vehicleId: a.vehicleId })
  const complete = useChannelMutation('activities.complete', ACTIVITY_WRITE)
  const form = useForm<CompleteValues>({
    initialValues: { completedBy: a.technicianName ?? '', odometer: '', odometerIsCorrection: false, notes: '' },
    validate: (v) => resolveComplete({ ...v, odometer: numberOrNull(v.odometer) }),
  })
  // The booked technician stays choosable even if they have since been made inactive.
  const names = [...new Set([...(technicians.data ?? []).map((t) => t.name), ...(a.technicianName ? [a.technicianName] : [])])]
  // The reading a new one is checked against: the latest, as the core checks it (readings come oldest first).
  const last = readings.data?.at(-1)
  const odometer = form.values.odometer
  const lower = last !== undefined && typeof odometer === 'number' && odometer < last.miles
  const submit = form.onSubmit(async (values) => {
    const ok = await run(() =>
      complete.mutateAsync({
        id: a.id,
        version: a.version,
        completedBy: values.completedBy,
        odometer: numberOrNull(values.odometer),
        odometerIsCorrection: lower && values.odometerIsCorrection,
        notes: values.notes,
      }),
    )
    if (ok) onDone()
  }, invalid)
  return (
    <ActionForm id="complete-title" title="Complete" onSubmit={submit} color={DONE} busy={busy} submitLabel="Mark completed" onBack={onDone}>
      {technicians.isPending || names.length > 0 ? (
        <Select
          label="Done by"
          required
          data-autofocus
          searchable
          data={names}
          nothingFoundMessage="No technician by that name"
          placeholder={technicians.isPending ? 'Loading technicians…' : 'Choose a technician'}
          allowDeselect={false}
          {...form.getInputProps('completedBy')}
          value={form.values.completedBy || null}
          onChange={(v) => form.setFieldValue('completedBy', v ?? '')}
        />
      ) : (
        // A shop with no technicians set up still records who did the work.
        <TextInput label="Done by" required data-autofocus {...form.getInputProps('completedBy')} />
      )}
      <NumberInput label="Odometer (miles)" min={0} max={2_000_000} thousandSeparator="," allowDecimal={false} {...form.getInputProps('odometer')} />
      {lower && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" id="odometer-lower">
            Lower than the last reading, {last.miles.toLocaleString('en-US')} mi on {formatDate(last.date)}.
          </Text>
          <Checkbox
            label="This corrects a wrong earlier reading"
            description="Or the odometer was replaced"
            aria-describedby="odometer-lower"
            {...form.getInputProps('odometerIsCorrection', { type: 'checkbox' })}
          />
        </Stack>
      )}
      <Textarea label="Work notes" autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
    </ActionForm>
  )
}

function CancelForm({ activity: a, run, busy, onDone }: FormProps) {
  const cancel = useChannelMutation('activities.cancel', ACTIVITY_WRITE)
  const form = useForm({ initialValues: { reason: '' }, validate: resolveCancel })
  const submit = form.onSubmit(async ({ reason }) => {
    const ok = await run(() => cancel.mutateAsync({ id: a.id, version: a.version, reason }))
    if (ok) onDone()
  }, invalid)
  return (
    <ActionForm id="cancel-title" title="Cancel this activity" onSubmit={submit} color={STOP} busy={busy} submitLabel="Cancel activity" onBack={onDone}>
      <TextInput label="Reason" required data-autofocus {...form.getInputProps('reason')} />
    </ActionForm>
  )
}

interface ActionFormProps {
  /** The heading's id, which names the form. */
  id: string
  title: string
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void
  /** The submit button's colour: the colour of what it does. */
  color: string
  busy: boolean
  submitLabel: string
  /** Back: the form closes, nothing changes. */
  onBack: () => void
  children: ReactNode
}

/** A status change's small form in the panel: a heading, its fields, then Back and the submit. */
function ActionForm({ id, title, onSubmit, color, busy, submitLabel, onBack, children }: ActionFormProps) {
  return (
    <Paper withBorder p="sm" component="form" onSubmit={onSubmit} noValidate aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={4} size="h6" id={id}>
          {title}
        </Title>
        {children}
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onBack}>
            Back
          </Button>
          <Button size="xs" color={color} type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
