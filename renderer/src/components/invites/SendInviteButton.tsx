import { useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCalendarCheck, IconMailForward } from '@tabler/icons-react'
import { useChannel } from '../../lib/queries'
import { call } from '../../lib/shop'
import { changeList, formatIssued, sendLabel } from './invite-words'
import { saveCalendarFile } from './save-calendar-file'

/**
 * "Send invite" for one activity: shows whether the customer's invite is current ("invite
 * sent"), out of date ("changed since the invite: send an update") or cannot be sent (and
 * why), and saves the .ics file. The SEQUENCE is recorded only once the file is saved, so a
 * cancelled save dialog never reads as sent.
 */
export function SendInviteButton({ activityId }: { activityId: number }) {
  const status = useChannel('invites.status', { activityId })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (status.isPending) return <Loader size="xs" aria-label="Checking the invite" />
  if (status.isError) return <Text size="sm" c="red">{status.error.message}</Text>
  const s = status.data

  const send = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const file = await call('invites.export', { activityId, record: false })
      if (!(await saveCalendarFile(file))) return
      await call('invites.markSent', { activityId, sequence: file.sequence })
      notifications.show({
        color: 'green',
        message: file.method === 'CANCEL' ? 'Cancellation saved: send it to the customer.' : 'Invite saved: send it to the customer.',
      })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
      void status.refetch()
    }
  }

  return (
    <Stack gap={6} data-testid="send-invite" data-invite-state={s.state}>
      {s.state === 'sent' && s.lastIssue && (
        <Group gap={6}>
          <Badge color="green" variant="light" leftSection={<IconCalendarCheck size={12} aria-hidden />}>
            {s.lastIssue.method === 'CANCEL' ? 'Cancellation sent' : 'Invite sent'}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatIssued(s.lastIssue.issuedAt)} · update {s.lastIssue.sequence}
          </Text>
        </Group>
      )}
      {s.state === 'changed' && (
        <Text size="sm" c="orange.8" role="status">
          Changed since the invite ({changeList(s.changes)}): send an update.
        </Text>
      )}
      {s.refusal ? (
        <Text size="sm" c="dimmed" role="note">
          {s.refusal}
        </Text>
      ) : (
        <Group>
          <Button
            size="xs"
            variant={s.state === 'sent' ? 'subtle' : 'light'}
            color={s.state === 'changed' ? 'orange' : undefined}
            leftSection={<IconMailForward size={14} aria-hidden />}
            loading={busy}
            onClick={() => void send()}
          >
            {sendLabel(s)}
          </Button>
        </Group>
      )}
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
    </Stack>
  )
}
