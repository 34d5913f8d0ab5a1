import { useState } from 'react'
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { SyncConfig } from '../../../../shared/domain/sync'
import { useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'

/**
 * The shop's own Microsoft Entra app registration for Outlook: a public client, so only its
 * application (client) id; there is no secret to keep.
 */
export function OutlookClientForm({ config, onDone }: { config: SyncConfig; onDone?: () => void }) {
  const form = useForm({ initialValues: { clientId: config.outlook.source === 'settings' ? (config.outlook.clientId ?? '') : '' } })
  const save = useChannelMutation('sync.setConfig')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    if (!v.clientId.trim()) {
      form.setFieldError('clientId', 'Enter the application (client) id of your Entra app registration')
      return
    }
    try {
      await save.mutateAsync({ msClientId: v.clientId })
      notifications.show({ color: 'green', message: 'Microsoft sign-in client saved' })
      onDone?.()
    } catch (error) {
      setProblem(showFieldErrors(error, ['msClientId'], (e) => form.setErrors({ clientId: e.msClientId ?? null })))
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label="Microsoft sign-in client">
      <Stack gap="sm" maw={620}>
        <Text size="sm">
          To connect Outlook (Microsoft 365 or Outlook.com), the shop registers its own app in Microsoft Entra: <i>App registrations → New registration</i>, a{' '}
          <b>public client</b> with the redirect <code>http://localhost</code> (“Mobile and desktop applications”), and the delegated Microsoft Graph
          permissions <i>Calendars.ReadWrite</i> and <i>offline_access</i>. The README’s “Register an app in Microsoft Entra” section walks through it.{' '}
          <Anchor
            href="https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade"
            target="_blank"
            rel="noreferrer"
            size="sm"
            underline="always"
          >
            Open Microsoft Entra
          </Anchor>
        </Text>
        <FormProblem message={problem} />
        <TextInput
          label="Application (client) ID"
          placeholder="00000000-0000-0000-0000-000000000000"
          autoComplete="off"
          withAsterisk
          {...form.getInputProps('clientId')}
        />
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            Save Microsoft sign-in client
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
