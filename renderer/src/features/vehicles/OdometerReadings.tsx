import { Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { z } from 'zod'
import { odometerSchemas, type OdometerReading } from '../../../../shared/domain/odometer'
import { isoDate } from '../../../../shared/domain/common'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { ShopError } from '../../shared/data/shop'
import { formatDate } from '../../shared/time/format'
import { numberOrUndefined } from '../../shared/ui/form-support'
import { coreToday } from '../../shared/time/shop-clock'

interface Values {
  date: string | null
  miles: number | string
  isCorrection: boolean
}

const formSchema = odometerSchemas.add.omit({ vehicleId: true }).extend({
  date: z.string({ message: 'Give the date of the reading' }).pipe(isoDate),
  miles: z
    .number({ message: 'Give the miles shown' })
    .int('Whole miles only')
    .min(0, 'Miles cannot be negative')
    .max(2_000_000, 'That is more than any vehicle drives'),
})
const resolve = zod4Resolver(formSchema, { errorPriority: 'first' })
const toInput = (v: Values) => ({ date: v.date ?? undefined, miles: numberOrUndefined(v.miles), isCorrection: v.isCorrection })

const SOURCE_LABEL: Record<OdometerReading['source'], string> = {
  manual: 'Entered',
  onboarding: 'Onboarding',
  completion: 'Completed work',
}

/** The vehicle's odometer readings, newest first, with a form to add one. Miles templates need two. */
export function OdometerReadings({ vehicleId }: { vehicleId: number }) {
  const readings = useChannel('odometer.list', { vehicleId })
  const add = useChannelMutation('odometer.add')
  const form = useForm<Values>({
    initialValues: { date: coreToday(), miles: '', isCorrection: false },
    validate: (v) => resolve(toInput(v)),
  })

  const save = form.onSubmit(async (values) => {
    try {
      const saved = await add.mutateAsync({ vehicleId, date: values.date ?? '', miles: Number(values.miles), isCorrection: values.isCorrection })
      notifications.show({ color: 'green', message: `Reading of ${saved.miles.toLocaleString()} mi saved` })
      // Keep the date: several readings are usually typed from the same day's paperwork.
      form.setValues({ miles: '', isCorrection: false })
      form.resetDirty()
    } catch (error) {
      // A refused reading (lower than the one before it) names no other field: it belongs next to the miles.
      const byField = error instanceof ShopError ? error.fieldErrors() : {}
      const errors = Object.fromEntries(Object.entries(byField).filter(([path]) => path in values))
      form.setErrors(Object.keys(errors).length > 0 ? errors : { miles: (error as Error).message })
    }
  })

  const sorted = [...(readings.data ?? [])].sort((a, b) => (b.date === a.date ? b.id - a.id : b.date.localeCompare(a.date)))

  return (
    <Paper withBorder p="md" w={360} style={{ flexShrink: 0 }}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Odometer
        </Title>
        <form onSubmit={save} noValidate aria-label="Add an odometer reading">
          <Stack gap="xs">
            <Group grow align="flex-start" gap="xs">
              <DateInput label="Date" valueFormat="MMM D, YYYY" maxDate={coreToday()} {...form.getInputProps('date')} />
              <NumberInput label="Miles" allowDecimal={false} allowNegative={false} thousandSeparator="," hideControls {...form.getInputProps('miles')} />
            </Group>
            <Checkbox label="Correction (allows a lower reading)" {...form.getInputProps('isCorrection', { type: 'checkbox' })} />
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={add.isPending}>
                Add reading
              </Button>
            </Group>
          </Stack>
        </form>
        {readings.error ? (
          <Text size="sm" c="red.8" role="alert">
            Could not load readings: {readings.error.message}
          </Text>
        ) : sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No readings yet.
          </Text>
        ) : (
          <Table aria-label="Odometer readings" verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col" ta="right">
                  Miles
                </Table.Th>
                <Table.Th scope="col">From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.miles.toLocaleString()}
                  </Table.Td>
                  <Table.Td>
                    {SOURCE_LABEL[r.source]}
                    {r.isCorrection && (
                      <Text span size="xs" fw={600} c="orange.9">
                        {' '}
                        · correction
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
