import { useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCalendarCheck, IconMailForward } from '@tabler/icons-react'
import { useChannel } from '../../lib/queries'
import { STATUS_FILL } from '../activity/appearance'
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
          {/* The calendar's dark green, outlined: Mantine's light green badge is under 4.5:1. */}
          <Badge color={STATUS_FILL.completed.bg} variant="outline" leftSection={<IconCalendarCheck size={12} aria-hidden />}>
            {s.lastIssue.method === 'CANCEL' ? 'Cancellation sent' : 'Invite sent'}
          </Badge>
          <Text size="xs" c="dimmed">
            {/* SEQUENCE 0 is the first invite: calling it "update 0" would only puzzle. */}
            {formatIssued(s.lastIssue.issuedAt)}
            {s.lastIssue.sequence > 0 && ` · update ${s.lastIssue.sequence}`}
          </Text>
        </Group>
      )}
      {s.state === 'changed' && (
        // The calendar's dark orange: Mantine's orange fails 4.5:1 on white.
        <Text size="sm" c={STATUS_FILL.in_progress.bg} role="status">
          {s.next?.method === 'CANCEL'
            ? 'Cancelled since the invite: send the customer the cancellation.'
            : `Changed since the invite (${changeList(s.changes)}): send an update.`}
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
            // Out of date, it is the one thing to do here: filled, in the same readable orange.
            variant={s.state === 'changed' ? 'filled' : s.state === 'sent' ? 'subtle' : 'light'}
            color={s.state === 'changed' ? STATUS_FILL.in_progress.bg : undefined}
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
