/**
 * The activity panel: one drawer for the whole app, opened from any calendar event or list
 * row with `useActivityPanel().open(id)`. The provider sits inside the router (so the panel
 * can link to the vehicle) and around every page.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { Drawer } from '@mantine/core'
import { ActivityDetails } from './ActivityDetails'

interface ActivityPanelApi {
  open: (activityId: number) => void
  close: () => void
  /** The activity shown now, if any. */
  openId: number | null
}

const PanelContext = createContext<ActivityPanelApi | null>(null)

export function ActivityPanelProvider({ children }: { children: ReactNode }) {
  const [openId, setOpenId] = useState<number | null>(null)
  const open = useCallback((id: number) => setOpenId(id), [])
  const close = useCallback(() => setOpenId(null), [])
  const api = useMemo(() => ({ open, close, openId }), [open, close, openId])
  return (
    <PanelContext.Provider value={api}>
      {children}
      <Drawer
        opened={openId !== null}
        onClose={close}
        position="right"
        size={460}
        title="Activity"
        closeButtonProps={{ 'aria-label': 'Close the activity panel' }}
        keepMounted={false}
      >
        {openId !== null && <ActivityDetails key={openId} id={openId} onClose={close} />}
      </Drawer>
    </PanelContext.Provider>
  )
}

/** Opens the activity panel from anywhere under `ActivityPanelProvider`. */
export function useActivityPanel(): ActivityPanelApi {
  const api = useContext(PanelContext)
  if (!api) throw new Error('useActivityPanel needs ActivityPanelProvider above it')
  return api
}
