import { useState } from 'react'
import { ActionIcon, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react'
import type { Bay } from '../../../../shared/domain/reference'
import { useChannel, useChannelMutation } from '../../lib/queries'
import { BayFormModal } from './BayFormModal'
import { SectionFrame } from './SectionFrame'
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
    <SectionFrame
      title="Bays"
      description="The lifts and spaces work is booked into, in the order the calendar shows them. Two bookings never share a bay at the same time."
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing(null)}>
          Add bay
        </Button>
      }
      loading={bays.isPending}
      error={bays.error}
    >
      {bays.data?.length === 0 ? (
        <Text c="gray.7">No bays yet. Add one for each lift or space you book work into.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Bays" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" w={170}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bays.data?.map((b, i) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>{b.name}</Table.Td>
                <Table.Td>
                  <StatusBadge active={b.active} inactiveLabel="Out of use" />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      aria-label={`Edit ${b.name}`}
                      onClick={() => setEditing(b)}
                    >
                      Edit
                    </Button>
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
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <BayFormModal bay={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    </SectionFrame>
  )
}
