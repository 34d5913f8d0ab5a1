import { useState } from 'react'
import { Button, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import type { Technician } from '../../../../shared/domain/reference'
import { useChannel } from '../../lib/queries'
import { SectionFrame } from './SectionFrame'
import { StatusBadge } from './StatusBadge'
import { TechnicianFormModal } from './TechnicianFormModal'

export function TechniciansSection() {
  const technicians = useChannel('technicians.list', { includeInactive: true })
  // undefined: closed; null: adding; a technician: editing them.
  const [editing, setEditing] = useState<Technician | null | undefined>(undefined)
  return (
    <SectionFrame
      title="Technicians"
      description="Who does the work. A technician is never booked on two jobs at once, nor on their days off (see Closures)."
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing(null)}>
          Add technician
        </Button>
      }
      loading={technicians.isPending}
      error={technicians.error}
    >
      {technicians.data?.length === 0 ? (
        <Text c="gray.7">No technicians yet.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Technicians" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" w={100}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {technicians.data?.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td fw={500}>{t.name}</Table.Td>
                <Table.Td>{t.email ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge active={t.active} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    aria-label={`Edit ${t.name}`}
                    onClick={() => setEditing(t)}
                  >
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && (
        <TechnicianFormModal technician={editing ?? undefined} onClose={() => setEditing(undefined)} />
      )}
    </SectionFrame>
  )
}
