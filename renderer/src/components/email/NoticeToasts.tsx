import { useEffect } from 'react'
import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useActivityPanel } from '../activity/ActivityPanel'

/**
 * Staff notices in the window. In the desktop app main shows them as system notifications
 * and a click arrives here as `notice.open`; in the browser bridge there is no system
 * notification, so each notice is a toast with "Open".
 */
export function NoticeToasts() {
  const panel = useActivityPanel()
  useEffect(() => {
    const offOpen = window.shop.on('notice.open', (e) => panel.open(e.activityId))
    const offNotice =
      window.shop.platform.kind === 'bridge'
        ? window.shop.on('notice', (n) => {
            const id = `notice-${n.id}`
            notifications.show({
              id,
              title: n.title,
              color: n.kind === 'missed' ? 'red' : 'blue',
              autoClose: 15_000,
              message: (
                <Stack gap={4} data-testid="staff-notice">
                  <Text size="sm">{n.body}</Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    w="fit-content"
                    onClick={() => {
                      notifications.hide(id)
                      panel.open(n.activityId)
                    }}
                  >
                    Open the activity
                  </Button>
                </Stack>
              ),
            })
          })
        : () => {}
    return () => {
      offOpen()
      offNotice()
    }
  }, [panel])
  return null
}
