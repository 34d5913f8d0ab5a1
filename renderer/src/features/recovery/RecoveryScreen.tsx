import { useState, type FormEvent } from 'react'
import { Button, Card, Center, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDoorExit, IconFolderOpen, IconRestore } from '@tabler/icons-react'
import type { DatabaseStatus } from '../../../../shared/domain/backups'
import { useChannelMutation } from '../../shared/data/queries'
import { Notice } from '../../shared/ui/Notice'
import { confirmRestore } from '../backups/confirmRestore'
import { formatCounts, formatReason, formatTakenAt } from '../backups/format-backup'

const TITLES: Record<string, string> = {
  damaged: 'The shop’s database is damaged',
  newer_version: 'This database belongs to a newer Shop Scheduler',
  in_use: 'The database is in use elsewhere',
  cannot_open: 'The database cannot be opened',
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Shown instead of the app when the database must not be used. Nothing here writes to the
 * refused file: a restore moves it aside under a new name, "open another file" leaves it.
 */
export function RecoveryScreen({ status }: { status: DatabaseStatus }) {
  const problem = status.problem!
  const backup = status.latestGoodBackup
  const [path, setPath] = useState('')
  const [pathError, setPathError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'restore' | 'open' | null>(null)
  const [quitAsked, setQuitAsked] = useState(false)
  // The `database` event switches the app over once either succeeds (use-database-status).
  const restoreCall = useChannelMutation('backups.restore')
  const openCall = useChannelMutation('database.open')

  const restore = () => {
    if (!backup) return
    confirmRestore(backup, {
      damaged: problem.code === 'damaged',
      onConfirm: () => {
        setBusy('restore')
        void restoreCall
          .mutateAsync({ name: backup.name })
          .then((r) =>
            notifications.show({
              color: 'green',
              title: `Restored the backup from ${formatTakenAt(r.restored.takenAt)}`,
              message: r.movedAside ? `The refused file is kept as ${r.movedAside}.` : '',
              autoClose: 20_000,
            }),
          )
          .catch((error: unknown) => notifications.show({ color: 'red', title: 'Nothing was restored', message: message(error), autoClose: 20_000 }))
          .finally(() => setBusy(null))
      },
    })
  }

  const openOther = async (event: FormEvent) => {
    event.preventDefault()
    setPathError(null)
    setBusy('open')
    try {
      await openCall.mutateAsync({ path })
    } catch (error) {
      setPathError(message(error))
    } finally {
      setBusy(null)
    }
  }

  const quit = () => {
    setQuitAsked(true)
    void window.shop.platform.quit()
  }

  return (
    <Center mih="100vh" p="xl" bg="gray.0">
      <Stack gap="lg" maw={720} w="100%">
        <Title order={1} size="h2">
          {status.offline ? 'The shop’s database server cannot be reached' : (TITLES[problem.code] ?? 'The database cannot be used')}
        </Title>
        <Notice tone="error" title="Nothing more is written to this file" role="alert">
          {problem.message}
          <Text size="sm" mt={6}>
            {status.offline ? 'Server' : 'File'}: <Code>{status.path}</Code>
          </Text>
          {status.offline && (
            <Text size="sm" mt={6} role="status">
              This desk asks the server again every few seconds and opens the shop by itself once it answers.
            </Text>
          )}
        </Notice>

        <Card withBorder padding="lg" component="section" aria-labelledby="recovery-restore">
          <Title order={2} size="h4" id="recovery-restore">
            Restore the latest good backup
          </Title>
          {backup ? (
            <Stack gap="xs" mt="xs">
              <Text size="sm">
                {formatTakenAt(backup.takenAt)} · {formatReason(backup.reason)} · {formatCounts(backup.counts)}
              </Text>
              <Group>
                <Button leftSection={<IconRestore size={18} aria-hidden />} onClick={restore} loading={busy === 'restore'}>
                  Restore this backup…
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" mt="xs" c="dimmed">
              No backup that passes its check was found beside this database.
            </Text>
          )}
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="recovery-open">
          <Title order={2} size="h4" id="recovery-open">
            Open another database file
          </Title>
          <form onSubmit={(e) => void openOther(e)} noValidate>
            <Group align="flex-end" mt="xs" wrap="nowrap">
              <TextInput
                label="Full path of the file"
                description="A copy kept elsewhere, or a new file name to start an empty database."
                placeholder="/path/to/shop-scheduler.db"
                value={path}
                onChange={(e) => setPath(e.currentTarget.value)}
                error={pathError}
                style={{ flex: 1 }}
              />
              {window.shop.platform.kind === 'electron' && (
                <Button variant="default" onClick={() => void window.shop.platform.choosePath('database').then((p) => p && setPath(p))}>
                  Browse…
                </Button>
              )}
              <Button type="submit" variant="default" leftSection={<IconFolderOpen size={18} aria-hidden />} loading={busy === 'open'}>
                Open
              </Button>
            </Group>
          </form>
        </Card>

        <Group justify="flex-end">
          {quitAsked && window.shop.platform.kind === 'bridge' && (
            <Text size="sm" c="dimmed" role="status">
              You can close this tab now.
            </Text>
          )}
          <Button variant="subtle" color="gray.8" leftSection={<IconDoorExit size={18} aria-hidden />} onClick={quit}>
            Quit
          </Button>
        </Group>
      </Stack>
    </Center>
  )
}
