import { useState } from 'react'
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { SyncConfig } from '../../../../shared/domain/sync'
import { useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'

/**
 * The shop's own Google "Desktop app" OAuth client. The secret goes to the secret store and
 * is never shown again; leaving it blank keeps the saved one.
 */
export function GoogleClientForm({ config, onDone }: { config: SyncConfig; onDone?: () => void }) {
  const form = useForm({ initialValues: { clientId: config.google.source === 'settings' ? (config.google.clientId ?? '') : '', clientSecret: '' } })
  const save = useChannelMutation('sync.setConfig')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = form.onSubmit(async (v) => {
    setProblem(null)
    if (!v.clientId.trim()) {
      form.setFieldError('clientId', 'Enter the client id Google Cloud gave you')
      return
    }
    try {
      await save.mutateAsync({ googleClientId: v.clientId, ...(v.clientSecret ? { googleClientSecret: v.clientSecret } : {}) })
      notifications.show({ color: 'green', message: 'Google sign-in client saved' })
      onDone?.()
    } catch (error) {
      setProblem(
        showFieldErrors(error, ['googleClientId', 'googleClientSecret'], (e) =>
          form.setErrors({ clientId: e.googleClientId ?? null, clientSecret: e.googleClientSecret ?? null }),
        ),
      )
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label="Google sign-in client">
      <Stack gap="sm" maw={620}>
        <Text size="sm">
          To connect Google Calendar, the shop uses its own OAuth client of type <b>Desktop app</b>: in the Google Cloud console create a project, enable the
          Google Calendar API, configure the consent screen, then <i>Credentials → Create credentials → OAuth client ID → Desktop app</i>. The README’s
          “Calendar sync (Google)” section walks through it.{' '}
          <Anchor href="https://console.cloud.google.com/apis/credentials" target="_blank" rel="noreferrer" size="sm" underline="always">
            Open the Google Cloud console
          </Anchor>
        </Text>
        <FormProblem message={problem} />
        <TextInput
          label="Client ID"
          placeholder="1234567890-abc.apps.googleusercontent.com"
          autoComplete="off"
          withAsterisk
          {...form.getInputProps('clientId')}
        />
        <PasswordInput
          label="Client secret"
          description={
            config.google.secretSet && config.google.source === 'settings'
              ? 'A secret is saved (encrypted). Leave blank to keep it.'
              : 'Kept in the system’s secret store, never in the database.'
          }
          autoComplete="new-password"
          {...form.getInputProps('clientSecret')}
        />
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            Save sign-in client
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
