import { useRef, useState } from 'react'
import { Alert, Button, NumberInput, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { z } from 'zod'
import { isoDate } from '../../../../shared/domain/common'
import { normalizeVin, vehicleSchemas, type Vehicle } from '../../../../shared/domain/vehicles'
import { checkDigitMismatch } from '../../../../shared/domain/vin-check-digit'
import { useChannelMutation } from '../../shared/data/queries'
import { vehicleLabel } from '../../shared/time/format'
import { FormDialog } from '../../shared/ui/FormDialog'
import { CustomerSelect } from './CustomerSelect'
import { CustomerFormModal } from './CustomerFormModal'
import { PickOrAdd } from '../../shared/ui/PickOrAdd'
import { coreToday } from '../../shared/time/shop-clock'

interface Props {
  /** The vehicle to edit; without one the dialog registers a new vehicle. */
  vehicle?: Vehicle
  /** Owner to preselect for a new vehicle ("add vehicle" from a customer). */
  customerId?: number
  onClose(): void
  onSaved?(vehicle: Vehicle): void
}

/** What the inputs hold: Mantine's Select gives strings, NumberInput '' when empty. */
interface Values {
  customerId: string | null
  vin: string
  make: string
  model: string
  year: number | string
  licensePlate: string
  onboardingDate: string | null
  odometerMiles: number | string
  notes: string
}

/** The values as the schema wants them: empties become "missing" so its messages apply. */
const toDraft = (v: Values) => ({
  ...v,
  customerId: v.customerId ? Number(v.customerId) : undefined,
  year: typeof v.year === 'number' ? v.year : undefined,
  onboardingDate: v.onboardingDate ?? '',
  odometerMiles: typeof v.odometerMiles === 'number' ? v.odometerMiles : null,
})

// The shared schema, with messages for the two fields a form can leave empty in its own way.
const formSchema = vehicleSchemas.create.extend({
  customerId: z.number({ message: 'Choose the customer who owns this vehicle' }).int().positive(),
  onboardingDate: z.string().min(1, 'Onboarding date is required').pipe(isoDate),
  odometerMiles: z.number().int('Whole miles only').min(0, 'Miles cannot be negative').max(2_000_000, 'That is more than any vehicle drives').nullish(),
})
const resolve = zod4Resolver(formSchema, { errorPriority: 'first' })

/** Register or edit a vehicle. Mounted only while open, so each opening starts from the record. */
export function VehicleFormModal({ vehicle, customerId, onClose, onSaved }: Props) {
  const form = useForm<Values>({
    initialValues: {
      customerId: vehicle ? String(vehicle.customerId) : customerId ? String(customerId) : null,
      vin: vehicle?.vin ?? '',
      make: vehicle?.make ?? '',
      model: vehicle?.model ?? '',
      year: vehicle?.year ?? '',
      licensePlate: vehicle?.licensePlate ?? '',
      // The shop's today by the core's clock, not this computer's.
      onboardingDate: vehicle?.onboardingDate ?? coreToday(),
      odometerMiles: '',
      notes: vehicle?.notes ?? '',
    },
    validate: (values) => resolve(toDraft(values)),
  })
  const create = useChannelMutation('vehicles.create')
  const update = useChannelMutation('vehicles.update')
  // A North American check digit that does not match holds the first save and says so; the
  // person decides (other markets do not use it). "Save anyway" accepts that one VIN.
  const [vinWarning, setVinWarning] = useState<string | null>(null)
  const accepted = useRef<string | null>(null)
  const typedVin = normalizeVin(form.values.vin)

  return (
    <FormDialog
      title={vehicle ? `Edit ${vehicleLabel(vehicle)}` : 'New vehicle'}
      size="lg"
      form={form}
      onClose={onClose}
      onSubmit={async (values) => {
        // Already validated by the same schema, so this only converts; the core parses it again.
        const { odometerMiles, ...fields } = formSchema.parse(toDraft(values))
        if (checkDigitMismatch(fields.vin) && accepted.current !== fields.vin && fields.vin !== vehicle?.vin) {
          setVinWarning(fields.vin)
          return
        }
        const saved = vehicle ? await update.mutateAsync({ ...fields, id: vehicle.id }) : await create.mutateAsync({ ...fields, odometerMiles })
        notifications.show({ color: 'green', message: `${vehicleLabel(saved)} saved` })
        onSaved?.(saved)
        onClose()
      }}
      submitLabel={vehicle ? 'Save changes' : 'Create vehicle'}
      pending={create.isPending || update.isPending}
    >
      {/* A new owner made on the spot. */}
      <PickOrAdd
        addLabel="New customer…"
        chosen={Boolean(form.values.customerId)}
        select={(onInput) => (
          <CustomerSelect
            label="Customer"
            withAsterisk
            style={{ flex: 1 }}
            current={vehicle ? { id: vehicle.customerId, name: vehicle.customerName } : undefined}
            onInput={onInput}
            {...form.getInputProps('customerId')}
          />
        )}
        dialog={(name, close) => <CustomerFormModal initialName={name} onClose={close} onSaved={(c) => form.setFieldValue('customerId', String(c.id))} />}
      />
      <TextInput
        label="VIN"
        withAsterisk
        description="17 letters and digits; I, O and Q are never used"
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
        {...form.getInputProps('vin')}
      />
      {vinWarning !== null && vinWarning === typedVin && (
        <Alert color="orange" role="alert" title="Check the VIN" data-testid="vin-warning">
          Its 9th character does not match the check digit North American VINs carry, so it may have a typo. Vehicles made for other markets may not use one.
          <Button
            type="submit"
            size="compact-sm"
            variant="default"
            mt="xs"
            display="block"
            onClick={() => {
              accepted.current = typedVin
            }}
          >
            Save anyway
          </Button>
        </Alert>
      )}
      <SimpleGrid cols={3}>
        <TextInput label="Make" withAsterisk autoComplete="off" {...form.getInputProps('make')} />
        <TextInput label="Model" withAsterisk autoComplete="off" {...form.getInputProps('model')} />
        <NumberInput label="Model year" withAsterisk allowDecimal={false} allowNegative={false} hideControls {...form.getInputProps('year')} />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput label="License plate" autoComplete="off" {...form.getInputProps('licensePlate')} />
        <DateInput label="Onboarding date" withAsterisk valueFormat="MMM D, YYYY" {...form.getInputProps('onboardingDate')} />
        {!vehicle && (
          <NumberInput
            label="Odometer (miles)"
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            hideControls
            {...form.getInputProps('odometerMiles')}
          />
        )}
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
    </FormDialog>
  )
}
