import { useState, type ReactNode } from 'react'
import { ScheduleAllModal } from './ScheduleAllModal'

/**
 * After a change that alters plans (interval, horizon, hours, closures, templates): offers to
 * reconcile every vehicle, showing the preview counts first. Returns the function to call
 * after a successful save and the dialog to render.
 *
 * @example
 * const [offerReconcile, reconcileDialog] = useReconcileOffer()
 * await save(); offerReconcile('The shop hours changed.')
 */
export function useReconcileOffer(): [(reason: string) => void, ReactNode] {
  const [reason, setReason] = useState<string | null>(null)
  const dialog = reason ? <ScheduleAllModal title="Update vehicle schedules?" reason={reason} onClose={() => setReason(null)} /> : null
  return [setReason, dialog]
}
