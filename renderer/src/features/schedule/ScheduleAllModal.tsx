import { useState } from 'react'
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core'
import type { ScheduleAllResult } from '../../../../shared/domain/schedule'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { Notice } from '../../shared/ui/Notice'
import { ReconcileCounts, totalChanges } from './ReconcileCounts'
import { PreviewPending } from './PreviewPending'
import { useProgress } from '../../shared/data/use-progress'

interface Props {
  onClose(): void
  /** Why the dialog opened, e.g. "The inspection interval changed." Shown above the counts. */
  reason?: string
  title?: string
}

/**
 * Reconcile every vehicle's plan: first the preview (how many activities would be added,
 * moved, removed), then, once confirmed, the job with a progress bar fed by the core's
 * `progress` events. Mounted only while open, so each opening asks for a fresh preview.
 */
export function ScheduleAllModal({ onClose, reason, title = 'Schedule all vehicles' }: Props) {
  const [started, setStarted] = useState(false)
  // gcTime 0: a preview is a snapshot of this moment, never worth reusing next time. Frozen once
  // the apply starts: the apply's own `changed` event would otherwise re-run the preview, whose
  // progress events (same job) would then overwrite the apply's on the bar.
  const preview = useChannel('schedule.previewAll', {}, { staleTime: 0, gcTime: 0, enabled: !started })
  const apply = useChannelMutation('schedule.applyAll')
  // The preview counts in the same job as the apply, so its events feed the bar too.
  const [progress, restartProgress] = useProgress('schedule-all')
  const [result, setResult] = useState<ScheduleAllResult | null>(null)
  const running = apply.isPending

  const start = async () => {
    setStarted(true)
    restartProgress()
    try {
      setResult(await apply.mutateAsync({}))
    } catch {
      // apply.error is shown below; the dialog stays open so the user can retry or close.
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0

  return (
    // While the job runs the dialog cannot be dismissed: closing would hide a job that keeps going.
    <Modal
      opened
      onClose={running ? () => undefined : onClose}
      withCloseButton={!running}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      title={title}
      size="lg"
    >
      <Stack gap="md">
        {reason && <Text>{reason}</Text>}
        <PreviewPending pending={preview.isPending} error={preview.error} />
        {preview.data && !result && (
          <>
            <Text>
              {preview.data.vehicles === 1 ? '1 active vehicle' : `${preview.data.vehicles} active vehicles`} checked.{' '}
              {totalChanges(preview.data) === 0
                ? 'Every plan already matches the settings: nothing to change.'
                : 'Applying would change their planned activities as follows. Booked, started and finished work is never touched.'}
            </Text>
            <ReconcileCounts counts={preview.data} />
          </>
        )}
        {/* After the job the bar stays, full, above the summary: the desk sees it ran to the end. */}
        {(running || (preview.isPending && progress) || (result && progress)) && (
          <Stack gap={4}>
            <Progress value={percent} animated={running} aria-label="Scheduling progress" color={progress?.finished ? 'teal.8' : undefined} />
            <Text size="sm" aria-live="polite">
              {progress ? `${progress.label} (${progress.done} of ${progress.total})` : 'Starting…'}
            </Text>
          </Stack>
        )}
        {apply.isError && (
          <Notice tone="error" title="Not finished" role="alert">
            {apply.error.message}
          </Notice>
        )}
        {result && (
          <Notice tone="success" title="Schedules updated" role="status">
            {result.vehicles} vehicles reconciled in {result.seconds.toFixed(1)} s: {result.add} added, {result.move} moved, {result.remove} removed.
          </Notice>
        )}
        <Group justify="flex-end">
          {result ? (
            <Button onClick={onClose}>Done</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={running}>
                {reason ? 'Not now' : 'Cancel'}
              </Button>
              <Button onClick={() => void start()} loading={running} disabled={!preview.data || totalChanges(preview.data) === 0}>
                Apply to all vehicles
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
