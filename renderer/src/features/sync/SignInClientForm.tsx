import { useState, type ReactNode } from 'react'
import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { z } from 'zod'
import { syncSchemas, type SyncConfig, type SyncProvider } from '../../../../shared/domain/sync'
import { useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { focusFirstInvalid } from '../../shared/ui/form-support'

const fields = syncSchemas.setConfig.shape

/** What differs between the providers' sign-in clients: their words, and the fields `sync.setConfig` takes. */
interface ClientKind {
  name: string
  intro: ReactNode
  idLabel: string
  idPlaceholder: string
  /** Said when the id is left blank: where to find it. */
  idMissing: string
  /** The channel's field for the id, and for the secret when the provider has one. */
  idField: 'googleClientId' | 'msClientId'
  secretField?: 'googleClientSecret'
  saveLabel: string
}

const KINDS: Record<SyncProvider, ClientKind> = {
  // The shop's own Google "Desktop app" OAuth client. The secret goes to the secret store and
  // is never shown again; leaving it blank keeps the saved one.
  google: {
    name: 'Google',
    intro: (
      <>
        To connect Google Calendar, the shop uses its own OAuth client of type <b>Desktop app</b>: in the Google Cloud console create a project, enable the
        Google Calendar API, configure the consent screen, then <i>Credentials → Create credentials → OAuth client ID → Desktop app</i>. The README’s “Calendar
        sync (Google)” section walks through it.{' '}
        <Anchor href="https://console.cloud.google.com/apis/credentials" target="_blank" rel="noreferrer" size="sm" underline="always">
          Open the Google Cloud console
        </Anchor>
      </>
    ),
    idLabel: 'Client ID',
    idPlaceholder: '1234567890-abc.apps.googleusercontent.com',
    idMissing: 'Enter the client id Google Cloud gave you',
    idField: 'googleClientId',
    secretField: 'googleClientSecret',
    saveLabel: 'Save sign-in client',
  },
  // The shop's own Microsoft Entra app registration: a public client, so only its
  // application (client) id; there is no secret to keep.
  outlook: {
    name: 'Microsoft',
    intro: (
      <>
        To connect Outlook (Microsoft 365 or Outlook.com), the shop registers its own app in Microsoft Entra: <i>App registrations → New registration</i>, a{' '}
        <b>public client</b> with the redirect <code>http://localhost</code> (“Mobile and desktop applications”), and the delegated Microsoft Graph permissions{' '}
        <i>Calendars.ReadWrite</i> and <i>offline_access</i>. The README’s “Register an app in Microsoft Entra” section walks through it.{' '}
        <Anchor
          href="https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade"
          target="_blank"
          rel="noreferrer"
          size="sm"
          underline="always"
        >
          Open Microsoft Entra
        </Anchor>
      </>
    ),
    idLabel: 'Application (client) ID',
    idPlaceholder: '00000000-0000-0000-0000-000000000000',
    idMissing: 'Enter the application (client) id of your Entra app registration',
    idField: 'msClientId',
    saveLabel: 'Save Microsoft sign-in client',
  },
}

/** The channel's rules for the fields; the id is required here (the channel's blank removes it). */
const resolverFor = (kind: ClientKind) =>
  zod4Resolver(z.object({ clientId: fields[kind.idField].refine(Boolean, kind.idMissing), clientSecret: fields.googleClientSecret }), {
    errorPriority: 'first',
  })
const RESOLVE: Record<SyncProvider, ReturnType<typeof resolverFor>> = { google: resolverFor(KINDS.google), outlook: resolverFor(KINDS.outlook) }

/**
 * The shop's own sign-in client for one provider (a Google OAuth client, a Microsoft Entra
 * app), checked by the schema of `sync.setConfig`.
 */
export function SignInClientForm({ provider, config, onDone }: { provider: SyncProvider; config: SyncConfig; onDone?: () => void }) {
  const kind = KINDS[provider]
  const stored = config[provider]
  const form = useForm({
    initialValues: { clientId: stored.source === 'settings' ? (stored.clientId ?? '') : '', clientSecret: '' },
    validate: RESOLVE[provider],
  })
  const save = useChannelMutation('sync.setConfig')
  const [problem, setProblem] = useState<string | null>(null)
  const channelFields = [kind.idField, ...(kind.secretField ? [kind.secretField] : [])]
  const submit = form.onSubmit(
    async (v, event) => {
      setProblem(null)
      // Read now: React clears an event's currentTarget once the handler has returned.
      const element = event?.currentTarget
      try {
        await save.mutateAsync({ [kind.idField]: v.clientId, ...(kind.secretField && v.clientSecret ? { [kind.secretField]: v.clientSecret } : {}) })
        notifications.show({ color: 'green', message: `${kind.name} sign-in client saved` })
        onDone?.()
      } catch (error) {
        setProblem(
          showFieldErrors(error, channelFields, (e) =>
            form.setErrors({ clientId: e[kind.idField] ?? null, clientSecret: kind.secretField ? (e[kind.secretField] ?? null) : null }),
          ),
        )
        focusFirstInvalid(element)
      }
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
  )
  return (
    <form onSubmit={submit} noValidate aria-label={`${kind.name} sign-in client`}>
      <Stack gap="sm" maw={620}>
        <Text size="sm">{kind.intro}</Text>
        <FormProblem message={problem} />
        <TextInput label={kind.idLabel} placeholder={kind.idPlaceholder} autoComplete="off" withAsterisk {...form.getInputProps('clientId')} />
        {kind.secretField && (
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
        )}
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {kind.saveLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
