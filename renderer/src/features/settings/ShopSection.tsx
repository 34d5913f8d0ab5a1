import { useMemo, useState } from 'react'
import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { settingsFields, type Settings } from '../../../../shared/domain/settings'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { useFollowStored } from '../../shared/ui/form-support'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { SaveOrUndo } from './SaveOrUndo'

const shopSchema = settingsFields.pick({ shopName: true, shopEmail: true, shopPhone: true, shopAddress: true, timeZone: true })
const resolve = zod4Resolver(shopSchema, { errorPriority: 'first' })

interface Values {
  shopName: string
  shopEmail: string
  shopPhone: string
  shopAddress: string
  timeZone: string | null
}

const fromSettings = (s: Settings): Values => ({
  shopName: s.shopName,
  shopEmail: s.shopEmail ?? '',
  shopPhone: s.shopPhone ?? '',
  shopAddress: s.shopAddress ?? '',
  timeZone: s.timeZone,
})
const toInput = (v: Values) => ({ ...v, timeZone: v.timeZone ?? '' })

/** Every zone the browser knows, plus the saved one in case this browser's list lacks it. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone')
    return zones.includes(current) ? zones : [current, ...zones]
  }, [current])
}

export function ShopSection() {
  const settings = useChannel('settings.get', {})
  return (
    <SectionFrame
      title="Shop"
      description="How the shop appears on invites and reminders. The time zone decides what day “today” is and how bookings are shown."
      loading={settings.isPending}
      error={settings.error}
    >
      {settings.data && <ShopForm settings={settings.data} />}
    </SectionFrame>
  )
}

function ShopForm({ settings }: { settings: Settings }) {
  const form = useForm<Values>({ initialValues: fromSettings(settings), validate: (v) => resolve(toInput(v)) })
  useFollowStored(form, fromSettings(settings))
  const update = useChannelMutation('settings.update')
  const [problem, setProblem] = useState<string | null>(null)
  const zones = useTimeZones(settings.timeZone)

  const save = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const saved = await update.mutateAsync(toInput(values))
      // What the core stored (trimmed, lower-cased email) becomes the new baseline.
      form.setInitialValues(fromSettings(saved))
      form.setValues(fromSettings(saved))
      form.resetDirty(fromSettings(saved))
      notifications.show({ color: 'green', message: 'Shop details saved' })
    } catch (error) {
      setProblem(showFieldErrors(error, Object.keys(values), form.setErrors))
    }
  })

  return (
    <form onSubmit={save} noValidate aria-label="Shop details">
      <Stack gap="sm">
        <FormProblem message={problem} />
        <TextInput label="Shop name" autoComplete="organization" {...form.getInputProps('shopName')} />
        <SimpleGrid cols={2}>
          <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('shopEmail')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" {...form.getInputProps('shopPhone')} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} maxRows={4} autoComplete="street-address" {...form.getInputProps('shopAddress')} />
        <Select
          label="Time zone"
          searchable
          data={zones}
          nothingFoundMessage="No such time zone"
          allowDeselect={false}
          maw={360}
          {...form.getInputProps('timeZone')}
        />
        <SaveOrUndo form={form} pending={update.isPending} label="Save shop details" />
      </Stack>
    </form>
  )
}
