import { useState } from 'react'
import { Button, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import type { Bay } from '../../../../shared/domain/reference'
import { useChannel } from '../../lib/queries'
import { BayFormModal } from './BayFormModal'
import { SectionFrame } from './SectionFrame'
import { StatusBadge } from './StatusBadge'

export function BaysSection() {
  const bays = useChannel('bays.list', { includeInactive: true })
  // undefined: closed; null: adding; a bay: editing it.
  const [editing, setEditing] = useState<Bay | null | undefined>(undefined)
  return (
    <SectionFrame
      title="Bays"
      description="The lifts and spaces work is booked into. Two bookings never share a bay at the same time."
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
              <Table.Th scope="col" w={100}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bays.data?.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>{b.name}</Table.Td>
                <Table.Td>
                  <StatusBadge active={b.active} inactiveLabel="Out of use" />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    aria-label={`Edit ${b.name}`}
                    onClick={() => setEditing(b)}
                  >
                    Edit
                  </Button>
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
