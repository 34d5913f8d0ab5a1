import { useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCalendarCheck, IconDownload, IconMailForward } from '@tabler/icons-react'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { call } from '../../shared/data/shop'
import { formatShopTime, pendingLine } from '../email/email-words'
import { changeList, emailLabel, handedOver, saveLabel } from './invite-words'
import { saveCalendarFile } from './save-calendar-file'

/**
 * The customer's invite for one activity: whether it is current, out of date or cannot be
 * sent (and why); "Email invite" through the shop's mail server, or "Save invite" as a
 * file for the desk to hand over. It says "emailed" only once the server accepted the
 * email, and "saved as a file" when it was only saved. Once emailed, later moves and the
 * cancellation are emailed by themselves.
 */
export function SendInviteButton({ activityId }: { activityId: number }) {
  const status = useChannel('invites.status', { activityId })
  const email = useChannel('email.inviteState', { activityId })
  const shop = useChannel('settings.get', {})
  const [busy, setBusy] = useState<'email' | 'file' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const sendInvite = useChannelMutation('email.sendInvite')
  const markSent = useChannelMutation('invites.markSent')

  if (status.isPending || email.isPending || shop.isPending) return <Loader size="xs" aria-label="Checking the invite" />
  if (status.isError)
    return (
      <Text size="sm" c="red">
        {status.error.message}
      </Text>
    )
  const s = status.data
  const e = email.data
  const timeZone = shop.data?.timeZone ?? 'UTC'
  const over = handedOver(s)

  const act = async (how: 'email' | 'file', work: () => Promise<void>) => {
    setBusy(how)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(null)
      void status.refetch()
      void email.refetch()
    }
  }
  const sendEmail = () =>
    act('email', async () => {
      await sendInvite.mutateAsync({ activityId })
      notifications.show({ color: 'blue', message: 'Invite queued: the panel says “emailed” once the mail server takes it.' })
    })
  const saveFile = () =>
    act('file', async () => {
      const file = await call('invites.export', { activityId, record: false })
      if (!(await saveCalendarFile(file))) return
      await markSent.mutateAsync({ activityId, sequence: file.sequence })
      notifications.show({
        color: 'green',
        message: file.method === 'CANCEL' ? 'Cancellation saved as a file: nothing was sent.' : 'Invite saved as a file: nothing was sent.',
      })
    })

  const pending = e?.pending ?? null
  return (
    <Stack
      gap={6}
      data-testid="send-invite"
      data-invite-state={s.state}
      data-email-state={pending?.state ?? (e?.failed ? 'failed' : e?.lastEmailed ? 'sent' : 'none')}
    >
      {over && s.state === 'sent' && s.lastIssue && (
        <Group gap={6}>
          {/* The calendar's dark green, outlined: Mantine's light green badge is under 4.5:1. */}
          <Badge
            color={over.via === 'email' ? STATUS_FILL.completed.bg : STATUS_FILL.cancelled.bg}
            variant="outline"
            leftSection={over.via === 'email' ? <IconCalendarCheck size={12} aria-hidden /> : <IconDownload size={12} aria-hidden />}
          >
            {over.label}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatShopTime(s.lastIssue.issuedAt, timeZone)}
            {over.via === 'email' && e?.lastEmailed && ` to ${e.lastEmailed.to}`}
            {/* SEQUENCE 0 is the first invite: calling it "update 0" would only puzzle. */}
            {s.lastIssue.sequence > 0 && ` · update ${s.lastIssue.sequence}`}
          </Text>
        </Group>
      )}
      {pending && (
        <Text size="sm" c={STATUS_FILL.scheduled.bg} role="status" data-testid="invite-email-pending">
          {pendingLine(pending, timeZone)}
        </Text>
      )}
      {e?.failed && (
        <Text size="sm" c={STATUS_FILL.missed.bg} role="alert">
          The mail server refused the email to {e.failed.to}: {e.failed.lastError}
        </Text>
      )}
      {s.state === 'changed' && !pending && (
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
        <>
          {e && !e.canEmail && e.cannotEmail && (
            <Text size="xs" c="dimmed" role="note">
              {e.cannotEmail}
            </Text>
          )}
          <Group gap="xs">
            {e?.canEmail && (
              <Button
                size="xs"
                // Out of date, it is the one thing to do here: filled, in the same readable orange.
                variant={s.state === 'changed' ? 'filled' : s.state === 'sent' ? 'subtle' : 'light'}
                color={s.state === 'changed' ? STATUS_FILL.in_progress.bg : undefined}
                leftSection={<IconMailForward size={14} aria-hidden />}
                loading={busy === 'email'}
                disabled={busy !== null || pending !== null}
                onClick={() => void sendEmail()}
              >
                {emailLabel(s)}
              </Button>
            )}
            <Button
              size="xs"
              variant={e?.canEmail ? 'subtle' : s.state === 'changed' ? 'filled' : 'light'}
              color={!e?.canEmail && s.state === 'changed' ? STATUS_FILL.in_progress.bg : undefined}
              leftSection={<IconDownload size={14} aria-hidden />}
              loading={busy === 'file'}
              disabled={busy !== null}
              onClick={() => void saveFile()}
            >
              {saveLabel(s)}
            </Button>
          </Group>
        </>
      )}
      {problem && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={16} aria-hidden />}
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setProblem(null)}
        >
          {problem}
        </Alert>
      )}
    </Stack>
  )
}
