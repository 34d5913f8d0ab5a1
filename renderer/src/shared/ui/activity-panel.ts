/**
 * Opening the activity panel from any feature, without importing the panel itself: the
 * panel (features/activity) shows the booking dialog, invites and sync state, which in turn
 * open it, so features reach it through this context and only the app frame mounts it.
 */
import { createContext, useContext } from 'react'

export interface ActivityPanelApi {
  open: (activityId: number) => void
  close: () => void
  /** The activity shown now, if any. */
  openId: number | null
}

export const ActivityPanelContext = createContext<ActivityPanelApi | null>(null)

/** Opens the activity panel from anywhere under `ActivityPanelProvider`. */
export function useActivityPanel(): ActivityPanelApi {
  const api = useContext(ActivityPanelContext)
  if (!api) throw new Error('useActivityPanel needs ActivityPanelProvider above it')
  return api
}
