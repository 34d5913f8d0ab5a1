import { useEffect } from 'react'
import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useNavigate } from 'react-router'
import type { StaffNotice } from '../../../../shared/domain/email'
import { useActivityPanel } from '../../shared/ui/activity-panel'

/** Notices arriving this close together are one round of the service: shown together. */
const GATHER_MS = 300
/** More than this many at once become one summary toast, so they never bury the page's own messages. */
const MAX_SINGLE = 2

/**
 * Staff notices in the window. In the desktop app main shows them as system notifications
 * and a click arrives here as `notice.open`; in the browser bridge there is no system
 * notification, so each notice is a toast with "Open" (a burst of them, one summary toast).
 */
export function NoticeToasts() {
  const panel = useActivityPanel()
  const navigate = useNavigate()
  useEffect(() => {
    const offOpen = window.shop.on('notice.open', (e) => panel.open(e.activityId))
    let gathered: StaffNotice[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      const batch = gathered
      gathered = []
      timer = undefined
      if (batch.length <= MAX_SINGLE) return batch.forEach(showOne)
      const missed = batch.filter((n) => n.kind === 'missed').length
      const id = `notices-${batch[0]!.id}`
      notifications.show({
        id,
        title: `${batch.length} staff notices`,
        color: missed > 0 ? 'red' : 'blue',
        autoClose: 15_000,
        message: (
          <Stack gap={4} data-testid="staff-notice">
            <Text size="sm">
              {[missed > 0 && `${missed} just missed`, batch.length - missed > 0 && `${batch.length - missed} coming up`].filter(Boolean).join(', ')}:{' '}
              {batch
                .slice(0, 3)
                .map((n) => n.title)
                .join('; ')}
              {batch.length > 3 ? `; and ${batch.length - 3} more` : ''}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              w="fit-content"
              onClick={() => {
                notifications.hide(id)
                void navigate('/')
              }}
            >
              See today’s work
            </Button>
          </Stack>
        ),
      })
    }
    const showOne = (n: StaffNotice) => {
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
    }
    const offNotice =
      window.shop.platform.kind === 'bridge'
        ? window.shop.on('notice', (n) => {
            gathered.push(n)
            // A timer for gathering, not a reading of the clock.
            timer ??= setTimeout(flush, GATHER_MS)
          })
        : () => {}
    return () => {
      offOpen()
      offNotice()
      if (timer) clearTimeout(timer)
    }
  }, [panel, navigate])
  return null
}
