import { useState } from 'react'
import { Button, Checkbox, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconSend } from '@tabler/icons-react'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { emailSchemas, type EmailSettings, type SmtpSecurity, type TestEmailResult } from '../../../../shared/domain/email'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { Notice } from '../../shared/ui/Notice'
import { OutboxList } from '../email/OutboxList'
import { blankNumbers, focusFirstInvalid, numberOrUndefined, useFollowStored } from '../../shared/ui/form-support'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { SaveOrUndo } from './SaveOrUndo'

interface Values {
  host: string
  port: number | string
  security: SmtpSecurity
  username: string
  password: string
  clearPassword: boolean
  fromAddress: string
  fromName: string
}

const SECURITY: Array<{ value: SmtpSecurity; label: string }> = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'TLS from the start (usually port 465)' },
  { value: 'none', label: 'None: a relay on this computer or network' },
]

const resolve = zod4Resolver(emailSchemas.updateSettings, { errorPriority: 'first' })
const toInput = (v: Values) => ({
  host: v.host,
  port: numberOrUndefined(v.port) as number,
  security: v.security,
  username: v.username,
  // Blank keeps the saved password; the box removes it.
  ...(v.clearPassword ? { password: null } : v.password ? { password: v.password } : {}),
  fromAddress: v.fromAddress,
  fromName: v.fromName,
})
const validate = (v: Values) => ({ ...resolve(toInput(v)), ...blankNumbers(v, ['port']) })

const fromSettings = (s: EmailSettings): Values => ({
  host: s.host ?? '',
  port: s.port,
  security: s.security,
  username: s.username ?? '',
  password: '',
  clearPassword: false,
  fromAddress: s.fromAddress ?? '',
  fromName: s.fromName ?? '',
})

/** Settings → Email: the shop's own mail server, a test email, and the outbox. */
export function EmailSection() {
  const settings = useChannel('email.settings', {})
  const shop = useChannel('settings.get', {})
  return (
    <SectionFrame
      title="Email"
      description="Invites, updates and reminders go to customers through the shop's own mail server. Nothing passes through a service of ours."
      loading={settings.isPending || shop.isPending}
      error={settings.error ?? shop.error}
    >
      {settings.data && shop.data && (
        <Stack gap="xl">
          <EmailForm settings={settings.data} />
          <TestEmail settings={settings.data} />
          <OutboxList timeZone={shop.data.timeZone} />
        </Stack>
      )}
    </SectionFrame>
  )
}

function EmailForm({ settings }: { settings: EmailSettings }) {
  const form = useForm<Values>({ initialValues: fromSettings(settings), validate })
  useFollowStored(form, fromSettings(settings))
  const update = useChannelMutation('email.updateSettings')
  const [problem, setProblem] = useState<string | null>(null)

  const save = form.onSubmit(
    async (v, event) => {
      setProblem(null)
      // Read now: React clears an event's currentTarget once the handler has returned.
      const element = event?.currentTarget
      try {
        const saved = await update.mutateAsync(toInput(v))
        form.setInitialValues(fromSettings(saved))
        form.setValues(fromSettings(saved))
        form.resetDirty(fromSettings(saved))
        notifications.show({ color: 'green', message: 'Email settings saved' })
      } catch (error) {
        setProblem(showFieldErrors(error, Object.keys(v), form.setErrors))
        focusFirstInvalid(element)
      }
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
  )

  return (
    <form onSubmit={save} noValidate aria-label="Mail server">
      <Stack gap="sm">
        <FormProblem message={problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Mail server (SMTP host)"
            placeholder="smtp.example.com"
            autoComplete="off"
            {...form.getInputProps('host')}
            style={{ gridColumn: 'span 2' }}
          />
          <NumberInput label="Port" min={1} max={65535} allowDecimal={false} {...form.getInputProps('port')} />
        </SimpleGrid>
        <Select label="Security" data={SECURITY} allowDeselect={false} maw={420} {...form.getInputProps('security')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="User name" description="Leave blank if the server needs no login" autoComplete="off" {...form.getInputProps('username')} />
          <PasswordInput
            label="Password"
            description={
              settings.passwordSet ? 'A password is saved (encrypted). Leave blank to keep it.' : 'Kept in the system’s secret store, never in the database.'
            }
            autoComplete="new-password"
            disabled={form.values.clearPassword}
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
        {settings.passwordSet && <Checkbox label="Remove the saved password" {...form.getInputProps('clearPassword', { type: 'checkbox' })} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="From address" type="email" placeholder="desk@your-shop.com" {...form.getInputProps('fromAddress')} />
          <TextInput label="From name" placeholder="The shop's name" {...form.getInputProps('fromName')} />
        </SimpleGrid>
        <SaveOrUndo form={form} pending={update.isPending} label="Save email settings" />
      </Stack>
    </form>
  )
}

function TestEmail({ settings }: { settings: EmailSettings }) {
  // The shop's own from-address until someone types another, also right after it is first saved.
  const [typed, setTyped] = useState<string | null>(null)
  const to = typed ?? settings.fromAddress ?? ''
  const [result, setResult] = useState<TestEmailResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const send = useChannelMutation('email.sendTest')
  const run = async () => {
    setResult(null)
    setProblem(null)
    try {
      setResult(await send.mutateAsync({ to }))
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Send a test email
      </Title>
      <Text size="sm" c="dimmed">
        Uses the saved settings and shows what the server answered.
      </Text>
      <Group align="flex-end">
        <TextInput label="Send it to" type="email" value={to} onChange={(e) => setTyped(e.currentTarget.value)} w={320} />
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => void run()} loading={send.isPending} disabled={!settings.configured || !to}>
          Send a test email
        </Button>
      </Group>
      {!settings.configured && (
        <Text size="sm" c="dimmed">
          Save a mail server and a from-address first.
        </Text>
      )}
      {problem && (
        <Notice tone="error" title="Not sent" role="alert">
          {problem}
        </Notice>
      )}
      {result && (
        <Notice
          tone={result.accepted ? 'success' : 'error'}
          title={result.accepted ? 'Test email sent' : 'Not sent'}
          role={result.accepted ? 'status' : 'alert'}
        >
          {result.message}
        </Notice>
      )}
    </Stack>
  )
}
