import { useState } from 'react'
import { Anchor, Button, Group, Stack, Switch, Text } from '@mantine/core'
import { IconBrandGoogle, IconBrandWindows } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { SyncConfig, SyncProvider } from '../../../../shared/domain/sync'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { FormProblem } from '../../shared/ui/FormProblem'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { AccountCard } from './AccountCard'
import { SignInClientForm } from './SignInClientForm'
import { providerName } from './format'
import { SyncIssues } from './SyncIssues'
import { useConnect } from './use-connect'
import { WaitingForBrowser } from './WaitingForBrowser'

/** Settings → Calendar accounts: sign-in clients, accounts and their calendars, what needs a person. */
export function CalendarAccountsSection() {
  const config = useChannel('sync.getConfig', {})
  const accounts = useChannel('sync.accounts', {})
  const calendars = useChannel('sync.calendars', {})
  const connect = useConnect()
  // Which provider's sign-in client is being changed, if any.
  const [editingClient, setEditingClient] = useState<SyncProvider | null>(null)
  const shown = (accounts.data ?? []).filter((a) => a.status !== 'connecting' || connect.waiting?.accountId !== a.id)
  // A dead account's reconnect shows its wait in the banner above every page, this one included.
  const waitingAccount = accounts.data?.find((a) => a.id === connect.waiting?.accountId)
  const reconnectWaitHere = connect.waiting?.reconnect === true && waitingAccount?.status !== 'needs_reconnect'
  return (
    <SectionFrame
      title="Calendar accounts"
      description="Bookings appear on the shop’s Google or Outlook calendars, and moves made there come back here. The shop’s database stays the source of truth."
      loading={config.isPending || accounts.isPending || calendars.isPending}
      error={config.error ?? accounts.error ?? calendars.error}
      actions={
        <Anchor component={Link} to="/sync-log" size="sm" style={{ whiteSpace: 'nowrap' }}>
          Sync log
        </Anchor>
      }
    >
      {config.data && accounts.data && calendars.data && (
        <Stack gap="lg">
          {connect.waiting && !connect.waiting.reconnect ? (
            <WaitingForBrowser waiting={connect.waiting} onCancel={() => void connect.cancel()} />
          ) : (
            <Stack gap="sm">
              <FormProblem message={connect.problem} />
              {config.data.providers.map((p) => (
                <ProviderConnect
                  key={p}
                  provider={p}
                  config={config.data}
                  editingClient={editingClient}
                  setEditingClient={setEditingClient}
                  busy={connect.busy}
                  onConnect={() => void connect.start(p)}
                />
              ))}
            </Stack>
          )}
          {reconnectWaitHere && connect.waiting && <WaitingForBrowser waiting={connect.waiting} onCancel={() => void connect.cancel()} />}
          {shown.map((a) => (
            <AccountCard key={a.id} account={a} calendars={calendars.data} />
          ))}
          <DueDatesToggle config={config.data} />
          <SyncIssues />
        </Stack>
      )}
    </SectionFrame>
  )
}

function ProviderConnect(props: {
  provider: SyncProvider
  config: SyncConfig
  editingClient: SyncProvider | null
  setEditingClient: (v: SyncProvider | null) => void
  busy: boolean
  onConnect: () => void
}) {
  const { provider, config } = props
  const source = provider === 'google' ? config.google.source : config.outlook.source
  const editing = props.editingClient === provider
  const done = editing ? { onDone: () => props.setEditingClient(null) } : {}
  // Outlook is the second choice: a shop on Google alone sees one button, not a second form.
  if (provider === 'outlook' && source === 'none' && !editing) {
    return (
      <Group gap="md">
        <Button variant="default" leftSection={<IconBrandWindows size={16} aria-hidden />} onClick={() => props.setEditingClient('outlook')}>
          Set up Outlook…
        </Button>
        <Text size="sm" c="dimmed">
          For Microsoft 365 or Outlook.com calendars: needs the shop’s own Microsoft Entra app, once.
        </Text>
      </Group>
    )
  }
  if (source === 'none' || editing) {
    return <SignInClientForm provider={provider} config={config} {...done} />
  }
  const Icon = provider === 'google' ? IconBrandGoogle : IconBrandWindows
  return (
    <Group gap="md">
      <Button leftSection={<Icon size={16} aria-hidden />} loading={props.busy} onClick={props.onConnect}>
        Connect {providerName(provider)}
      </Button>
      <Text size="sm" c="dimmed">
        {providerName(provider)} sign-in client {source === 'environment' ? 'set by this installation' : 'entered here'}.{' '}
        <Anchor
          component="button"
          type="button"
          size="sm"
          underline="always"
          aria-label={`Change the ${providerName(provider)} sign-in client`}
          onClick={() => props.setEditingClient(provider)}
        >
          Change
        </Anchor>
      </Text>
    </Group>
  )
}

function DueDatesToggle({ config }: { config: SyncConfig }) {
  const set = useChannelMutation('sync.setDueDatesAllDay')
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <Stack gap={4}>
      <Switch
        label="Show unbooked due work as all-day events"
        description="Work that is due but not booked yet appears on the shop calendars on its due date, as a free all-day event; booking it turns that event into the booking."
        checked={set.isPending ? set.variables.enabled : config.dueDatesAllDay}
        onChange={(e) => {
          setProblem(null)
          set.mutateAsync({ enabled: e.currentTarget.checked }).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
        }}
      />
      <FormProblem message={problem} />
    </Stack>
  )
}
