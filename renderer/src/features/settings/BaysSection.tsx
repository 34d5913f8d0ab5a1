import { useState } from 'react'
import { ActionIcon, Group, Table } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react'
import type { Bay } from '../../../../shared/domain/bays'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { BayFormModal } from './BayFormModal'
import { EditButton, ListSection } from './ListSection'
import { StatusBadge } from './StatusBadge'

export function BaysSection() {
  const bays = useChannel('bays.list', { includeInactive: true })
  // undefined: closed; null: adding; a bay: editing it.
  const [editing, setEditing] = useState<Bay | null | undefined>(undefined)
  const update = useChannelMutation('bays.update')

  /** Swaps a bay with its neighbour; the order is the calendar's column order. Renumbers 1..n so ties cannot stick. */
  const move = async (index: number, by: -1 | 1) => {
    const list = [...(bays.data ?? [])]
    const other = index + by
    if (other < 0 || other >= list.length) return
    ;[list[index], list[other]] = [list[other]!, list[index]!]
    try {
      for (const [i, b] of list.entries()) {
        if (b.sortOrder !== i + 1) await update.mutateAsync({ id: b.id, name: b.name, active: b.active, sortOrder: i + 1 })
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Order not saved', message: (error as Error).message })
    }
  }
  return (
    <ListSection
      title="Bays"
      description="The lifts and spaces work is booked into, in the order the calendar shows them. Two bookings never share a bay at the same time."
      addLabel="Add bay"
      onAdd={() => setEditing(null)}
      list={bays}
      emptyText="No bays yet. Add one for each lift or space you book work into."
      columns={['Name', 'Status']}
      actionsWidth={170}
      maw={640}
      dialogs={editing !== undefined && <BayFormModal bay={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    >
      {bays.data?.map((b, i) => (
        <Table.Tr key={b.id}>
          <Table.Td fw={500}>{b.name}</Table.Td>
          <Table.Td>
            <StatusBadge active={b.active} inactiveLabel="Out of use" />
          </Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <EditButton label={`Edit ${b.name}`} onClick={() => setEditing(b)} />
              <ActionIcon
                variant="subtle"
                color="gray.8"
                aria-label={`Move ${b.name} up`}
                disabled={i === 0 || update.isPending}
                onClick={() => void move(i, -1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray.8"
                aria-label={`Move ${b.name} down`}
                disabled={i === (bays.data?.length ?? 0) - 1 || update.isPending}
                onClick={() => void move(i, 1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListSection>
  )
}
