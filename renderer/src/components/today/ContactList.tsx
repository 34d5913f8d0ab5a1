import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import type { Activity } from '../../../../shared/domain/activities'
import { call } from '../../lib/shop'
import { describeRefusal } from '../activity/refusal'
import { ActivityRow } from './ActivityRow'
import { ListCard } from './ListCard'

/** Customers whose work is due or booked within the reminder window and who have not been told yet. */
export function ContactList({ toContact, timeZone, reminderDays }: { toContact: Activity[]; timeZone: string; reminderDays: number | undefined }) {
  const queryClient = useQueryClient()
  const mark = async (a: Activity) => {
    try {
      await call('activities.markContacted', { id: a.id, version: a.version })
      notifications.show({ color: 'teal', title: 'Marked as contacted', message: `${a.customerName} · ${a.typeName}` })
    } catch (error) {
      notifications.show({ color: 'red', ...describeRefusal(error) })
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['activities'] })
    }
  }
  return (
    <ListCard
      title="Customers to contact"
      count={toContact.length}
      empty="Everyone due soon has been told."
      color="orange"
      action={reminderDays !== undefined && <Text size="xs" c="dimmed">Within {reminderDays} days</Text>}
    >
      {toContact.map((a) => (
        <Group key={a.id} gap={4} wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <ActivityRow activity={a} timeZone={timeZone} lead="due" />
          </div>
          <Button size="compact-xs" variant="light" onClick={() => void mark(a)} aria-label={`Mark ${a.customerName} contacted about ${a.typeName}`}>
            Contacted
          </Button>
        </Group>
      ))}
    </ListCard>
  )
}
