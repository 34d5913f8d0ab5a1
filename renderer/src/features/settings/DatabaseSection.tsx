import { useState } from 'react'
import { Button, Code, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconDoorExit, IconPlugConnected, IconServer2, IconTransfer } from '@tabler/icons-react'
import type { ChosenServer, DatabaseServerState, ServerTestResult } from '../../../../shared/domain/database-server'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { showFieldErrors } from '../../shared/data/form-errors'
import { FormProblem } from '../../shared/ui/FormProblem'
import { Notice } from '../../shared/ui/Notice'
import { numberOrUndefined } from '../../shared/ui/form-support'
import { SectionFrame } from '../../shared/ui/SectionFrame'

interface Values {
  host: string
  port: number | string
  database: string
  user: string
  password: string
}

const fromChosen = (c: ChosenServer | null): Values => ({
  host: c?.host ?? '',
  port: c?.port ?? 5432,
  database: c?.database ?? '',
  user: c?.user ?? '',
  password: '',
})

/**
 * Settings → Database: which database this desk uses (its own choice, kept on this computer,
 * never in the database it points to), a test of a shop server, the switch, and the copy of
 * this desk's file to an empty server. A change applies when the app starts again.
 */
export function DatabaseSection() {
  const state = useChannel('database.server', {})
  return (
    <SectionFrame
      title="Database"
      description="Where this desk keeps the shop: a file on this computer, or the shop's shared PostgreSQL server that every desk uses. This is a setting of this computer only."
      loading={state.isPending}
      error={state.error}
    >
      {state.data && (
        <Stack gap="lg">
          <InUse state={state.data} onChanged={() => void state.refetch()} />
          <ServerForm state={state.data} onChanged={() => void state.refetch()} />
        </Stack>
      )}
    </SectionFrame>
  )
}

function InUse({ state, onChanged }: { state: DatabaseServerState; onChanged(): void }) {
  const [quitAsked, setQuitAsked] = useState(false)
  const next = state.environment ?? state.chosen?.url ?? null
  const fileCall = useChannelMutation('database.useFile')
  return (
    <Stack gap="sm" aria-label="Database in use" role="group">
      <Text>
        {state.inUse.kind === 'file' ? 'This desk uses the local database file ' : "This desk uses the shop's database server "}
        <Code>{state.inUse.kind === 'file' ? state.inUse.path : state.inUse.url}</Code>
      </Text>
      {state.environment && (
        <Notice tone="note" title="Set by SHOP_DB_URL">
          The environment variable SHOP_DB_URL points this desk at <Code>{state.environment}</Code> at every start; it wins over the choice made here.
        </Notice>
      )}
      {state.restartNeeded && (
        <Notice tone="note" title="Restart to switch" role="status">
          <Stack gap="xs">
            <span>
              From its next start this desk uses {next ? <Code>{next}</Code> : 'its local database file'}. Until then it keeps working on the database above.
              Quit Shop Scheduler and start it again to switch.
            </span>
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDoorExit size={16} aria-hidden />}
                onClick={() => {
                  setQuitAsked(true)
                  void window.shop.platform.quit()
                }}
              >
                Quit now
              </Button>
              {quitAsked && window.shop.platform.kind === 'bridge' && (
                <Text size="sm" role="status">
                  The browser bridge keeps running: stop it and start it again.
                </Text>
              )}
            </Group>
          </Stack>
        </Notice>
      )}
      {state.chosen && !state.environment && (
        <Group>
          <Button
            variant="default"
            size="xs"
            loading={fileCall.isPending}
            onClick={() =>
              void fileCall
                .mutateAsync({})
                .then(() => {
                  onChanged()
                  notifications.show({ color: 'green', message: 'From its next start this desk uses its local database file again.' })
                })
                .catch((error: unknown) => notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) }))
            }
          >
            Use the local file again
          </Button>
        </Group>
      )}
    </Stack>
  )
}

function ServerForm({ state, onChanged }: { state: DatabaseServerState; onChanged(): void }) {
  const form = useForm<Values>({ initialValues: fromChosen(state.chosen) })
  const [problem, setProblem] = useState<string | null>(null)
  const [test, setTest] = useState<ServerTestResult | null>(null)
  const testCall = useChannelMutation('database.testServer')
  const useCall = useChannelMutation('database.useServer')
  const copyCall = useChannelMutation('database.copyToServer')
  const busy = testCall.isPending || useCall.isPending || copyCall.isPending

  const input = (v: Values) => {
    const port = numberOrUndefined(v.port)
    if (port === undefined) {
      form.setFieldError('port', 'Give the port (usually 5432)')
      return null
    }
    return { host: v.host, port, database: v.database, user: v.user, password: v.password }
  }
  const run = async (action: (fields: NonNullable<ReturnType<typeof input>>) => Promise<void>) => {
    setProblem(null)
    const fields = input(form.values)
    if (!fields) return
    try {
      await action(fields)
    } catch (error) {
      setProblem(showFieldErrors(error, Object.keys(form.values), form.setErrors))
    }
  }

  const testConnection = () =>
    run(async (fields) => {
      setTest(null)
      setTest(await testCall.mutateAsync(fields))
    })
  const chooseServer = () =>
    run(async (fields) => {
      const next = await useCall.mutateAsync(fields)
      onChanged()
      notifications.show({
        color: 'green',
        message: `From its next start this desk uses ${next.chosen?.url ?? 'the server'}. Restart Shop Scheduler to switch.`,
      })
    })
  const copy = () =>
    modals.openConfirmModal({
      title: 'Copy this shop to the server?',
      children: (
        <Text size="sm">
          Every customer, vehicle, activity and setting of this desk's file is copied into the empty database on the server and checked. The file itself stays
          as it is. Other work on this desk waits until the copy is done.
        </Text>
      ),
      labels: { confirm: 'Copy the shop', cancel: 'Not now' },
      onConfirm: () =>
        void run(async (fields) => {
          const result = await copyCall.mutateAsync(fields)
          onChanged()
          notifications.show({
            color: 'green',
            title: 'The shop is on the server',
            message: `${result.rows} rows in ${result.tables} tables copied; every count matches and ${result.sampled} sampled rows match. Restart Shop Scheduler to switch.`,
            autoClose: 20_000,
          })
        }),
    })

  const protection =
    state.passwordProtection === 'os-encrypted'
      ? 'Kept encrypted by the system on this computer, never in a plain file.'
      : state.passwordProtection === 'unencrypted-file'
        ? 'The browser bridge keeps it UNENCRYPTED (development only).'
        : 'Kept in memory only until the app closes.'

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Database server">
      <Stack gap="sm">
        <Title order={3} size="h4">
          The shop's database server
        </Title>
        <Text size="sm" c="gray.7">
          PostgreSQL on a computer every desk can reach. Ask whoever set it up for its address, database, user and password, then test the connection.
        </Text>
        <FormProblem message={problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Server (host name or address)"
            placeholder="shop-server.local"
            autoComplete="off"
            {...form.getInputProps('host')}
            style={{ gridColumn: 'span 2' }}
          />
          <NumberInput label="Port" min={1} max={65535} allowDecimal={false} {...form.getInputProps('port')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Database" placeholder="shop" autoComplete="off" {...form.getInputProps('database')} />
          <TextInput label="User" placeholder="shop" autoComplete="off" {...form.getInputProps('user')} />
          <PasswordInput
            label="Password"
            description={state.chosen?.hasPassword ? `A password is kept for this server. Leave blank to keep it. ${protection}` : protection}
            autoComplete="new-password"
            // The note goes under the box, so the password box lines up with Database and User.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
        {test && (
          <Notice tone={test.ok ? 'success' : 'error'} title={test.ok ? 'Connected' : 'Cannot use this server'} role={test.ok ? 'status' : 'alert'}>
            {test.message}
          </Notice>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} aria-hidden />}
            onClick={() => void testConnection()}
            loading={testCall.isPending}
            disabled={busy}
          >
            Test connection
          </Button>
          {state.inUse.kind === 'file' && (
            <Button variant="default" leftSection={<IconTransfer size={16} aria-hidden />} onClick={copy} loading={copyCall.isPending} disabled={busy}>
              Copy this shop to the server
            </Button>
          )}
          <Button leftSection={<IconServer2 size={16} aria-hidden />} onClick={() => void chooseServer()} loading={useCall.isPending} disabled={busy}>
            Use this server
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
