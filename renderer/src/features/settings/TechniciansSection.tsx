import { useState } from 'react'
import { Table } from '@mantine/core'
import type { Technician } from '../../../../shared/domain/technicians'
import { useChannel } from '../../shared/data/queries'
import { EditButton, ListSection } from './ListSection'
import { StatusBadge } from './StatusBadge'
import { TechnicianFormModal } from './TechnicianFormModal'

export function TechniciansSection() {
  const technicians = useChannel('technicians.list', { includeInactive: true })
  // undefined: closed; null: adding; a technician: editing them.
  const [editing, setEditing] = useState<Technician | null | undefined>(undefined)
  return (
    <ListSection
      title="Technicians"
      description="Who does the work. A technician is never booked on two jobs at once, nor on their days off (see Closures)."
      addLabel="Add technician"
      onAdd={() => setEditing(null)}
      list={technicians}
      emptyText="No technicians yet."
      columns={['Name', 'Email', 'Status']}
      actionsWidth={100}
      maw={760}
      dialogs={editing !== undefined && <TechnicianFormModal technician={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    >
      {technicians.data?.map((t) => (
        <Table.Tr key={t.id}>
          <Table.Td fw={500}>{t.name}</Table.Td>
          <Table.Td>{t.email ?? '—'}</Table.Td>
          <Table.Td>
            <StatusBadge active={t.active} />
          </Table.Td>
          <Table.Td>
            <EditButton label={`Edit ${t.name}`} onClick={() => setEditing(t)} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListSection>
  )
}
