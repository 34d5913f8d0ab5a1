import { Badge, Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Activity } from '../../../../shared/domain/activities'
import type { ReminderState } from '../../../../shared/domain/email'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { STATUS_FILL } from '../../shared/ui/appearance'
import { formatShopTime } from '../email/email-words'
import { describeRefusal } from '../../shared/data/refusal'
import { ActivityRow, leadWidth } from './ActivityRow'
import { ListCard } from './ListCard'

/**
 * Customers whose work is due or booked within the reminder window and who have not been
 * told yet: each says whether the reminder was emailed (accepted by the mail server), is on
 * its way, or whether the desk still has to call.
 */
export function ContactList({ toContact, timeZone, reminderDays }: { toContact: Activity[]; timeZone: string; reminderDays: number | undefined }) {
  const markContacted = useChannelMutation('activities.markContacted', { invalidates: ['activities'], invalidateInBackground: true })
  const reminders = useChannel('email.reminders', { activityIds: toContact.slice(0, 500).map((a) => a.id) })
  const byActivity = new Map((reminders.data ?? []).map((r) => [r.activityId, r]))
  const toCall = toContact.filter((a) => byActivity.get(a.id)?.state !== 'sent').length
  const mark = async (a: Activity) => {
    try {
      await markContacted.mutateAsync({ id: a.id, version: a.version })
      notifications.show({ color: 'teal', title: 'Marked as contacted', message: `${a.customerName} · ${a.typeName}` })
    } catch (error) {
      notifications.show({ color: 'red', ...describeRefusal(error) })
    }
  }
  return (
    <ListCard
      title="Customers to contact"
      count={toContact.length}
      empty="Everyone due soon has been told."
      color="orange"
      action={
        reminderDays !== undefined && (
          <Text size="xs" c="dimmed">
            Within {reminderDays} days · {toCall} to call
          </Text>
        )
      }
    >
      {toContact.map((a) => (
        <Group key={a.id} gap={4} wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <ActivityRow activity={a} timeZone={timeZone} lead="due" leadW={leadWidth(toContact, timeZone, 'due')} />
          </div>
          <ReminderBadge reminder={byActivity.get(a.id)} timeZone={timeZone} />
          <Button size="compact-xs" variant="light" onClick={() => void mark(a)} aria-label={`Mark ${a.customerName} contacted about ${a.typeName}`}>
            Contacted
          </Button>
        </Group>
      ))}
    </ListCard>
  )
}

/** "Emailed Dec 1, 9:00 AM" once the server took the reminder; "To call" otherwise. */
function ReminderBadge({ reminder, timeZone }: { reminder: ReminderState | undefined; timeZone: string }) {
  if (reminder?.state === 'sent' && reminder.at) {
    return (
      <Badge variant="outline" color={STATUS_FILL.completed.bg} title={`Reminder emailed ${formatShopTime(reminder.at, timeZone)}`} style={{ flexShrink: 0 }}>
        Emailed
      </Badge>
    )
  }
  const label = reminder?.state === 'failed' ? 'Email refused: call' : reminder ? 'Email waiting: call?' : 'To call'
  return (
    <Badge variant="outline" color={STATUS_FILL.in_progress.bg} title={reminder?.lastError ?? undefined} style={{ flexShrink: 0 }}>
      {label}
    </Badge>
  )
}
