import { useState } from 'react'
import { Stack, Switch, Table, Text } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { hoursSchemas, type ShopDay } from '../../../../shared/domain/hours'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { useReconcileOffer } from '../schedule/useReconcileOffer'
import { useFollowStored } from '../../shared/ui/form-support'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { SaveOrUndo } from './SaveOrUndo'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
// Monday first: how a shop reads its week.
const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0]

/** A row of the form: times stay in the inputs while "closed" is on, so toggling back loses nothing. */
interface DayRow {
  weekday: number
  open: boolean
  opens: string
  closes: string
}
interface Values {
  days: DayRow[]
}

const resolve = zod4Resolver(hoursSchemas.set, { errorPriority: 'first' })

const fromDays = (days: ShopDay[]): Values => ({
  days: [...days]
    .sort((a, b) => a.weekday - b.weekday)
    .map((d) => ({ weekday: d.weekday, open: d.opens !== null, opens: d.opens ?? '08:00', closes: d.closes ?? '17:00' })),
})
const toInput = (v: Values): { days: ShopDay[] } => ({
  days: v.days.map((d) => (d.open ? { weekday: d.weekday, opens: d.opens, closes: d.closes } : { weekday: d.weekday, opens: null, closes: null })),
})

export function HoursSection() {
  const hours = useChannel('hours.get', {})
  return (
    <SectionFrame
      title="Shop hours"
      description="Bookings must fit inside these hours. Planned work never falls on a closed day."
      loading={hours.isPending}
      error={hours.error}
    >
      {hours.data && <HoursForm days={hours.data} />}
    </SectionFrame>
  )
}

function HoursForm({ days }: { days: ShopDay[] }) {
  const form = useForm<Values>({ initialValues: fromDays(days), validate: (v) => resolve(toInput(v)) })
  useFollowStored(form, fromDays(days))
  const set = useChannelMutation('hours.set')
  const [problem, setProblem] = useState<string | null>(null)
  const [offerReconcile, reconcileDialog] = useReconcileOffer()

  const save = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const saved = fromDays(await set.mutateAsync(toInput(values)))
      form.setInitialValues(saved)
      form.resetDirty(saved)
      notifications.show({ color: 'green', message: 'Shop hours saved' })
      offerReconcile('The shop hours changed. Planned work may now fall on a closed day. Update every vehicle’s plan?')
    } catch (error) {
      // Paths come back as `days.<index>.closes`: the same shape as the form's.
      const paths = values.days.flatMap((_, i) => [`days.${i}.opens`, `days.${i}.closes`])
      setProblem(showFieldErrors(error, paths, form.setErrors))
    }
  })

  return (
    <>
      <form onSubmit={save} noValidate aria-label="Shop hours">
        <Stack gap="sm">
          <FormProblem message={problem} />
          <Table verticalSpacing="xs" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                <Table.Th scope="col">Open</Table.Th>
                <Table.Th scope="col">Opens</Table.Th>
                <Table.Th scope="col">Closes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DISPLAY_ORDER.map((weekday) => {
                const i = form.values.days.findIndex((d) => d.weekday === weekday)
                const row = form.values.days[i]
                if (!row) return null
                const name = WEEKDAYS[weekday]
                return (
                  <Table.Tr key={weekday}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                    </Table.Th>
                    <Table.Td>
                      <Switch
                        aria-label={`Open on ${name}`}
                        label={row.open ? 'Open' : 'Closed'}
                        {...form.getInputProps(`days.${i}.open`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                    {row.open ? (
                      <>
                        <Table.Td>
                          <TimeInput aria-label={`${name} opens`} {...form.getInputProps(`days.${i}.opens`)} />
                        </Table.Td>
                        <Table.Td>
                          <TimeInput aria-label={`${name} closes`} {...form.getInputProps(`days.${i}.closes`)} />
                        </Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={2}>
                        <Text c="dimmed" size="sm">
                          Closed all day
                        </Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          <SaveOrUndo form={form} pending={set.isPending} label="Save hours" maw={640} />
        </Stack>
      </form>
      {reconcileDialog}
    </>
  )
}
