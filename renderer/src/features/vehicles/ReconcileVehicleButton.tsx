import { useState } from 'react'
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import type { VehiclePlanResult } from '../../../../shared/domain/schedule'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { Notice } from '../../shared/ui/Notice'
import { PlannerNotes } from './PlannerNotes'
import { ReconcileCounts, totalChanges } from '../schedule/ReconcileCounts'
import { PreviewPending } from '../schedule/PreviewPending'

/** Preview, confirm, reconcile: one vehicle's plan brought in line with today's settings. */
function ReconcileVehicleModal({ vehicleId, onClose }: { vehicleId: number; onClose(): void }) {
  const preview = useChannel('schedule.previewVehicle', { vehicleId }, { staleTime: 0, gcTime: 0 })
  const reconcile = useChannelMutation('schedule.reconcileVehicle')
  const [result, setResult] = useState<VehiclePlanResult | null>(null)

  const apply = async () => {
    try {
      setResult(await reconcile.mutateAsync({ vehicleId }))
    } catch {
      // Shown from reconcile.error below.
    }
  }

  return (
    <Modal opened onClose={onClose} title="Reconcile this vehicle's schedule" size="lg">
      <Stack gap="md">
        <PreviewPending pending={preview.isPending} error={preview.error} />
        {preview.data && !result && (
          <>
            <Text>
              {totalChanges(preview.data) === 0
                ? 'The plan already matches the settings and templates: nothing to change.'
                : 'Reconciling plans this vehicle from the current settings and templates. Booked, started and finished work is never touched.'}
            </Text>
            <ReconcileCounts counts={preview.data} />
            <PlannerNotes notes={preview.data.notes} />
          </>
        )}
        {reconcile.error && (
          <Notice tone="error" title="Not reconciled" role="alert">
            {reconcile.error.message}
          </Notice>
        )}
        {result && (
          <>
            <Notice tone="success" title="Schedule updated" role="status">
              {result.add} added, {result.move} moved, {result.remove} removed.
            </Notice>
            <PlannerNotes notes={result.notes} />
          </>
        )}
        <Group justify="flex-end">
          {result ? (
            <Button onClick={onClose}>Done</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={reconcile.isPending}>
                Cancel
              </Button>
              <Button onClick={() => void apply()} loading={reconcile.isPending} disabled={!preview.data || totalChanges(preview.data) === 0}>
                Reconcile
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}

export function ReconcileVehicleButton({ vehicleId, disabled }: { vehicleId: number; disabled?: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} disabled={disabled} onClick={() => setOpen(true)}>
        Reconcile now
      </Button>
      {open && <ReconcileVehicleModal vehicleId={vehicleId} onClose={() => setOpen(false)} />}
    </>
  )
}
