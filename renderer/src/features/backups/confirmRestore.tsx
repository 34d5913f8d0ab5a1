import { List, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import type { BackupDetails } from '../../../../shared/domain/backups'
import { formatCounts, formatReason, formatTakenAt } from './format-backup'

/**
 * Asks before a restore, saying what the backup holds and what happens to the data open
 * now, which the user is about to leave.
 */
export function confirmRestore(backup: BackupDetails, opts: { damaged: boolean; onConfirm(): void }): void {
  modals.openConfirmModal({
    title: 'Restore this backup?',
    children: (
      <Stack gap="xs">
        <Text size="sm">
          The backup from <strong>{formatTakenAt(backup.takenAt)}</strong> ({formatReason(backup.reason).toLowerCase()}) holds:
        </Text>
        <List size="sm">
          <List.Item>{formatCounts(backup.counts)}</List.Item>
        </List>
        <Text size="sm">
          {opts.damaged
            ? 'The damaged file is kept beside it under a new name; nothing is deleted.'
            : 'Everything changed since then is replaced. The data open now is backed up first, so this can be undone by restoring that backup.'}
        </Text>
      </Stack>
    ),
    labels: { confirm: 'Restore', cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: opts.onConfirm,
  })
}
