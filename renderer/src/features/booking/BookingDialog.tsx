import { useState } from 'react'
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core'
import { DateInput, TimeInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconSearch } from '@tabler/icons-react'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { z } from 'zod'
import { FIRST_FREE, activitySchemas, type Activity, type FreeSlot } from '../../../../shared/domain/activities'
import { isoDate } from '../../../../shared/domain/common'
import { hhmm } from '../../../../shared/domain/hours'
import { FormProblem } from '../../shared/ui/FormProblem'
import { blankNumbers, focusFirstInvalid, numberOrUndefined } from '../../shared/ui/form-support'
import { call } from '../../shared/data/shop'
import { useChannelMutation } from '../../shared/data/queries'
import { describeRefusal } from '../../shared/data/refusal'
import { useShopReference } from '../../shared/data/use-shop-reference'
import { dayToWall, formatBooking, fromWall, nowWall, shopToday, toWall, wallAt, wallToDay, wallToTime } from '../../shared/time/shop-time'

export interface BookingRequest {
  activity: Activity
  /** Day to propose (e.g. where an unbooked item was dropped in month view). */
  day?: string
  /** A missed activity is rebooked (status back to scheduled), not just booked. */
  mode?: 'book' | 'rebook'
}

/**
 * The form twin of every drag: date, time, length, bay and technician, with "find the next
 * free slot" for when the front desk does not know where there is room.
 */
export function BookingDialog({ request, onClose }: { request: BookingRequest | null; onClose: () => void }) {
  const title = request?.mode === 'rebook' ? 'Rebook' : request?.activity.start ? 'Change booking' : 'Book a time'
  return (
    <Modal opened={request !== null} onClose={onClose} title={title} size="lg">
      {request && <BookingForm key={`${request.activity.id}-${request.day ?? ''}`} request={request} onDone={onClose} />}
    </Modal>
  )
}

/** A bay or technician select's value: an id, 'first_free', or (technicians only) 'none'. */
const NONE = 'none'

interface Values {
  /** Mantine's DateInput holds null while empty, NumberInput ''. */
  date: string | null
  time: string
  duration: number | string
  bayId: string
  technicianId: string
}

// The shared rules for a day, a time of day and a booking's length, with the words the form
// has always used for an empty or out-of-range field.
const DURATION_RANGE = 'Between 5 minutes and a day'
const bookingFields = z.object({
  date: z.string().min(1, 'Pick a date').pipe(isoDate),
  time: z.string().min(1, 'Pick a time').pipe(hhmm),
  duration: activitySchemas.freeSlots.shape.durationMinutes.min(5, DURATION_RANGE).max(24 * 60, DURATION_RANGE),
})
const resolve = zod4Resolver(bookingFields, { errorPriority: 'first' })
const filled = (v: Values) => ({ ...v, date: v.date ?? '', duration: numberOrUndefined(v.duration) })
const validate = (v: Values) => ({ ...resolve(filled(v)), ...blankNumbers(v, ['duration']) })

const chosenId = (v: string): number | undefined => (v === FIRST_FREE || v === NONE ? undefined : Number(v))

function BookingForm({ request, onDone }: { request: BookingRequest; onDone: () => void }) {
  const { activity: a } = request
  const ref = useShopReference()
  const book = useChannelMutation('activities.book', { refreshOnStale: ['activities'] })
  const rebook = useChannelMutation('activities.rebook', { refreshOnStale: ['activities'] })
  const [problem, setProblem] = useState<string | null>(null)
  const [slots, setSlots] = useState<FreeSlot[] | null>(null)
  const [saving, setSaving] = useState(false)

  const form = useForm({
    initialValues: initialValues(request, ref.timeZone, ref.hours, ref.durationOf(a.activityTypeId)),
    validate,
    // Only valid values reach a submit: the date is there and the length a number.
    transformValues: (v) => ({ ...v, date: v.date ?? '', duration: Number(v.duration) }),
  })

  const findSlots = async (container: HTMLElement | null) => {
    setProblem(null)
    // A search needs the day to start from and the length; the time of day is not asked.
    const checks = [form.validateField('date'), form.validateField('duration')]
    if (checks.some((c) => c.hasError)) return focusFirstInvalid(container)
    try {
      const v = form.getTransformedValues()
      const today = shopToday(ref.timeZone)
      const found = await call('activities.freeSlots', {
        durationMinutes: v.duration,
        from: v.date < today ? today : v.date,
        days: 30,
        bayId: chosenId(v.bayId),
        technicianId: chosenId(v.technicianId),
        limit: 6,
      })
      setSlots(found)
    } catch (error) {
      setProblem(describeRefusal(error).message)
    }
  }

  const pickSlot = (slot: FreeSlot) => {
    const start = toWall(slot.start, ref.timeZone)
    form.setValues({
      date: wallToDay(start),
      time: wallToTime(start),
      bayId: slot.bayId === null ? form.getValues().bayId : String(slot.bayId),
      // A slot found for "no technician" names the first free one; the choice of none stands.
      technicianId: slot.technicianId === null || form.getValues().technicianId === NONE ? form.getValues().technicianId : String(slot.technicianId),
    })
    setSlots(null)
  }

  const submit = form.onSubmit(
    async (v) => {
      setProblem(null)
      setSaving(true)
      const start = wallAt(v.date, v.time)
      const booking = {
        start: fromWall(start, ref.timeZone),
        end: fromWall(new Date(start.getTime() + v.duration * 60_000), ref.timeZone),
        bayId: chosenId(v.bayId) ?? FIRST_FREE,
        technicianId: v.technicianId === NONE ? null : (chosenId(v.technicianId) ?? FIRST_FREE),
      }
      try {
        const saved =
          request.mode === 'rebook'
            ? await rebook.mutateAsync({ id: a.id, version: a.version, booking })
            : await book.mutateAsync({ id: a.id, version: a.version, ...booking })
        notifications.show({
          color: 'teal',
          title: 'Booked',
          message: `${saved.typeName} · ${saved.vehicleLabel}: ${formatBooking(saved.start!, saved.end, ref.timeZone)}${placeOf(saved)}`,
        })
        onDone()
      } catch (error) {
        const { title, message } = describeRefusal(error)
        setProblem(`${title}: ${message}`)
      } finally {
        setSaving(false)
      }
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {a.typeName} · {a.vehicleLabel}
          {a.licensePlate ? ` (${a.licensePlate})` : ''} · {a.customerName}
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          {/* The same pickers as every other date and time in the app, in the screens' format. */}
          <DateInput label="Date" required valueFormat="MMM D, YYYY" {...form.getInputProps('date')} />
          <TimeInput label="Time" step={900} required {...form.getInputProps('time')} />
          <NumberInput label="Duration (minutes)" min={5} max={1440} step={15} allowDecimal={false} required {...form.getInputProps('duration')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Bay"
            allowDeselect={false}
            data={[{ value: FIRST_FREE, label: 'First free bay' }, ...ref.bays.map((b) => ({ value: String(b.id), label: b.name }))]}
            {...form.getInputProps('bayId')}
          />
          <Select
            label="Technician"
            allowDeselect={false}
            data={[
              { value: FIRST_FREE, label: 'First free technician' },
              { value: NONE, label: 'No technician' },
              ...ref.technicians.map((t) => ({ value: String(t.id), label: t.name })),
            ]}
            {...form.getInputProps('technicianId')}
          />
        </SimpleGrid>
        <Group>
          <Button variant="default" leftSection={<IconSearch size={16} aria-hidden />} onClick={(event) => void findSlots(event.currentTarget.form)}>
            Find next free slot
          </Button>
        </Group>
        {slots && (
          <Stack gap={4} aria-label="Free slots" role="list">
            {slots.length === 0 && (
              <Text size="sm" c="dimmed">
                No free slot in the next 30 days with that bay and technician.
              </Text>
            )}
            {slots.map((slot) => (
              <UnstyledButton
                key={`${slot.start}-${slot.bayId}-${slot.technicianId}`}
                role="listitem"
                onClick={() => pickSlot(slot)}
                p={6}
                style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
              >
                <Text size="sm">
                  {formatBooking(slot.start, slot.end, ref.timeZone)}
                  {slot.bayId !== null && ` · ${ref.bays.find((b) => b.id === slot.bayId)?.name ?? 'Bay'}`}
                  {slot.technicianId !== null && ` · ${ref.technicians.find((t) => t.id === slot.technicianId)?.name ?? 'Technician'}`}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )}
        <FormProblem message={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {request.mode === 'rebook' ? 'Rebook' : 'Book'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function initialValues(request: BookingRequest, timeZone: string, hours: { weekday: number; opens: string | null }[], typeMinutes: number): Values {
  const a = request.activity
  if (a.start && a.end && !request.day) {
    const start = toWall(a.start, timeZone)
    return {
      date: wallToDay(start),
      time: wallToTime(start),
      duration: Math.round((new Date(a.end).getTime() - new Date(a.start).getTime()) / 60_000),
      // A booking without a bay gets one now: it needs one.
      bayId: a.bayId === null ? FIRST_FREE : String(a.bayId),
      technicianId: a.technicianId === null ? NONE : String(a.technicianId),
    }
  }
  // Overdue work is booked from today on, never into the past.
  const today = shopToday(timeZone)
  const day = request.day ?? (a.dueDate < today ? today : a.dueDate)
  const opens = hours.find((h) => h.weekday === dayToWall(day).getDay())?.opens ?? '09:00'
  return {
    date: day,
    // Today, the first quarter hour still ahead: a time that has passed cannot be booked.
    time: day === today ? later(opens, nextQuarterHour(timeZone)) : opens,
    duration: typeMinutes,
    bayId: a.bayId === null ? FIRST_FREE : String(a.bayId),
    technicianId: a.technicianId === null ? FIRST_FREE : String(a.technicianId),
  }
}

/** ", Bay 2, Sam Ortiz": where the core put it (the first free bay or technician, when left open). */
export const placeOf = (a: Pick<Activity, 'bayName' | 'technicianName'>): string =>
  `${a.bayName ? `, ${a.bayName}` : ''}${a.technicianName ? `, ${a.technicianName}` : ''}`

/** The shop's now rounded up to the next quarter hour, `HH:MM` (23:45 at the latest). */
function nextQuarterHour(timeZone: string): string {
  const now = nowWall(timeZone)
  const minutes = Math.min(Math.ceil((now.getHours() * 60 + now.getMinutes() + 1) / 15) * 15, 23 * 60 + 45)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const later = (a: string, b: string): string => (a > b ? a : b)
