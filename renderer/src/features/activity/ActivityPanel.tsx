/**
 * The activity panel: one drawer for the whole app, opened from any calendar event or list
 * row with `useActivityPanel().open(id)` (shared/ui/activity-panel.ts). The provider sits
 * inside the router (so the panel can link to the vehicle) and around every page.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { Drawer } from '@mantine/core'
import { ActivityPanelContext } from '../../shared/ui/activity-panel'
import { ActivityDetails } from './ActivityDetails'

export function ActivityPanelProvider({ children }: { children: ReactNode }) {
  const [openId, setOpenId] = useState<number | null>(null)
  const open = useCallback((id: number) => setOpenId(id), [])
  const close = useCallback(() => setOpenId(null), [])
  const api = useMemo(() => ({ open, close, openId }), [open, close, openId])
  return (
    <ActivityPanelContext.Provider value={api}>
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
    </ActivityPanelContext.Provider>
  )
}
