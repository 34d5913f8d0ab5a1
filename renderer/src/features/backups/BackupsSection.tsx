import { useState, type FormEvent } from 'react'
import { Button, Code, Group, NumberInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react'
import type { BackupList, BackupSummary } from '../../../../shared/domain/backups'
import { call, ShopError } from '../../shared/data/shop'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { confirmRestore } from './confirmRestore'
import { formatReason, formatSize, formatTakenAt } from './format-backup'
import { FormProblem } from '../../shared/ui/FormProblem'
import { SectionFrame } from '../../shared/ui/SectionFrame'

// Backups live in files beside the database, not in a data domain: no `changed` event names them.
const BACKUP_WRITE = { invalidates: ['backups'], invalidateInBackground: true } as const

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function BackupsSection() {
  const list = useChannel('backups.list', {})
  const create = useChannelMutation('backups.create', BACKUP_WRITE)

  const backUpNow = async () => {
    try {
      const backup = await create.mutateAsync({})
      notifications.show({ color: 'green', message: `Backed up and checked: ${backup.name}` })
    } catch (error) {
      notifications.show({ color: 'red', title: 'The backup was not made', message: message(error), autoClose: 15_000 })
    }
  }

  return (
    <SectionFrame
      title="Backups"
      description="Checked copies of the shop's database, taken every day, before app updates and before bulk changes. Use these (or “Back up now”) rather than copying the database file: a copy of the open file misses its latest changes."
      actions={
        <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} onClick={() => void backUpNow()} loading={create.isPending}>
          Back up now
        </Button>
      }
      loading={list.isPending}
      error={list.error}
    >
      {list.data && (
        <Stack gap="lg">
          <BackupTable backups={list.data.backups} />
          <BackupSettingsForm settings={list.data} />
        </Stack>
      )}
    </SectionFrame>
  )
}

function BackupTable({ backups }: { backups: BackupSummary[] }) {
  const restoreCall = useChannelMutation('backups.restore', BACKUP_WRITE)
  const [busy, setBusy] = useState<string | null>(null)
  if (backups.length === 0) return <Text c="dimmed">No backups yet. The first daily backup is taken ten minutes after the app opens.</Text>

  const restore = async (b: BackupSummary) => {
    setBusy(b.name)
    try {
      const details = await call('backups.inspect', { name: b.name })
      if (!details.ok) {
        notifications.show({ color: 'red', title: 'This backup cannot be restored', message: details.problem ?? '', autoClose: 15_000 })
        return
      }
      confirmRestore(details, {
        damaged: false,
        onConfirm: () =>
          void restoreCall
            .mutateAsync({ name: b.name })
            .then((result) => {
              notifications.show({
                color: 'green',
                title: `Restored the backup from ${formatTakenAt(result.restored.takenAt)}`,
                message: result.safetyBackup ? `The data open before is kept as ${result.safetyBackup.name}.` : '',
                autoClose: 15_000,
              })
            })
            .catch((error: unknown) => notifications.show({ color: 'red', title: 'Nothing was restored', message: message(error), autoClose: 15_000 })),
      })
    } catch (error) {
      notifications.show({ color: 'red', title: 'The backup cannot be read', message: message(error) })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Table striped highlightOnHover aria-label="Backups" maw={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Taken</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">Size</Table.Th>
          <Table.Th scope="col" w={130}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name}>
            <Table.Td>{formatTakenAt(b.takenAt)}</Table.Td>
            <Table.Td>{formatReason(b.reason)}</Table.Td>
            <Table.Td>{formatSize(b.sizeBytes)}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                loading={busy === b.name}
                onClick={() => void restore(b)}
                aria-label={`Restore the backup from ${formatTakenAt(b.takenAt)}`}
              >
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function BackupSettingsForm({ settings }: { settings: BackupList }) {
  const [keep, setKeep] = useState<number | string>(settings.keep)
  const [folder, setFolder] = useState(settings.folder ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const configure = useChannelMutation('backups.configure', BACKUP_WRITE)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    setProblem(null)
    if (typeof keep !== 'number') return setErrors({ keep: 'Say how many backups to keep' })
    try {
      await configure.mutateAsync({ keep, folder: folder.trim() || null })
      notifications.show({ color: 'green', message: 'Backup settings saved' })
    } catch (error) {
      if (error instanceof ShopError && error.error.issues?.length) setErrors(error.fieldErrors())
      else setProblem(message(error))
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label="Backup settings">
      <Stack gap="sm" maw={640}>
        <NumberInput
          label="Backups to keep"
          description="Older ones are deleted after each new backup."
          min={1}
          max={365}
          allowDecimal={false}
          value={keep}
          onChange={setKeep}
          error={errors.keep}
          maw={320}
        />
        <TextInput
          label="Backup folder"
          description={
            <>
              Leave empty for the folder beside the database. A USB or network drive keeps copies off this computer. In use now:{' '}
              <Code>{settings.effectiveFolder}</Code>
            </>
          }
          placeholder={settings.effectiveFolder}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          rightSectionWidth={window.shop.platform.kind === 'electron' ? 96 : undefined}
          rightSection={
            window.shop.platform.kind === 'electron' ? (
              <Button size="compact-sm" variant="default" onClick={() => void window.shop.platform.choosePath('folder').then((p) => p && setFolder(p))}>
                Browse…
              </Button>
            ) : undefined
          }
        />
        {problem && <FormProblem message={problem} />}
        <Group>
          <Button type="submit" loading={configure.isPending}>
            Save backup settings
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
