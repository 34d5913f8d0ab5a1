import { useState } from 'react'
import { Badge, Group, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconLock } from '@tabler/icons-react'
import type { ActivityType } from '../../../../shared/domain/activity-types'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { ActivityTypeFormModal } from './ActivityTypeFormModal'
import { CATEGORY_COLOR, CATEGORY_LABEL } from './categories'
import { confirmDelete } from '../../shared/ui/form-support'
import { DeleteButton, EditButton, ListSection } from './ListSection'
import { StatusBadge } from './StatusBadge'

export function ActivityTypesSection() {
  const types = useChannel('activityTypes.list', { includeInactive: true })
  const remove = useChannelMutation('activityTypes.delete')
  // undefined: closed; null: adding; a type: editing it.
  const [editing, setEditing] = useState<ActivityType | null | undefined>(undefined)

  const askDelete = (t: ActivityType) =>
    confirmDelete({
      title: `Delete ${t.name}?`,
      message: <Text>The type goes for good. A type that work or a maintenance template still uses cannot be deleted: mark it as not in use instead.</Text>,
      onConfirm: async () => {
        await remove.mutateAsync({ id: t.id })
        notifications.show({ color: 'green', message: `${t.name} deleted` })
      },
    })

  return (
    <ListSection
      title="Activity types"
      description="The kinds of work the shop books, with how long each takes. The two inspections are built in: they can be renamed but not deleted."
      addLabel="Add type"
      onAdd={() => setEditing(null)}
      list={types}
      columns={['Name', 'Category', 'Duration', 'Status']}
      actionsWidth={150}
      dialogs={editing !== undefined && <ActivityTypeFormModal type={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    >
      {types.data?.map((t) => (
        <Table.Tr key={t.id}>
          <Table.Td fw={500}>
            <Group gap={6} wrap="nowrap">
              {t.name}
              {t.builtin && (
                <Badge size="sm" variant="outline" color="indigo.9" leftSection={<IconLock size={12} aria-hidden />}>
                  Built in
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <Badge variant="filled" color={CATEGORY_COLOR[t.category]}>
              {CATEGORY_LABEL[t.category]}
            </Badge>
          </Table.Td>
          <Table.Td>{t.durationMinutes} min</Table.Td>
          <Table.Td>
            <StatusBadge active={t.active} inactiveLabel="Not in use" />
          </Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <EditButton label={`Edit ${t.name}`} onClick={() => setEditing(t)} />
              {/* Built-ins have no delete at all: the "Built in" badge says why. */}
              {!t.builtin && <DeleteButton tooltip="Delete type" label={`Delete ${t.name}`} onClick={() => askDelete(t)} />}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListSection>
  )
}
