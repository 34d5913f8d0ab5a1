import { Checkbox, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { StaffNoticeSettings } from '../../../../shared/domain/email'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { SectionFrame } from '../../shared/ui/SectionFrame'

const OPTIONS: Array<{ key: keyof StaffNoticeSettings; label: string; description: string }> = [
  { key: 'dayBefore', label: 'A booking 1 day before', description: 'So the desk can check parts and the bay the day before.' },
  { key: 'hourBefore', label: 'A booking 1 hour before', description: 'So the bay is free when the customer arrives.' },
  { key: 'missed', label: 'Work that just became missed', description: 'When a booking or due work passes without being started.' },
]

/** Settings → Notifications: which desktop notifications the staff get. Each is saved as it is ticked. */
export function NotificationsSection() {
  const settings = useChannel('notices.settings', {})
  const update = useChannelMutation('notices.updateSettings')
  const toggle = async (key: keyof StaffNoticeSettings, value: boolean) => {
    if (!settings.data) return
    try {
      await update.mutateAsync({ ...settings.data, [key]: value })
      await settings.refetch()
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <SectionFrame
      title="Notifications"
      description="Desktop notifications for the staff on this computer. Each one comes once; clicking it opens the activity."
      loading={settings.isPending}
      error={settings.error}
    >
      {settings.data && (
        <Stack gap="sm">
          {OPTIONS.map((o) => (
            <Checkbox
              key={o.key}
              label={o.label}
              description={o.description}
              checked={settings.data[o.key]}
              disabled={update.isPending}
              onChange={(e) => void toggle(o.key, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      )}
    </SectionFrame>
  )
}
