import { useState } from 'react'
import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconLock, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import type { ActivityType } from '../../../../shared/domain/reference'
import { useChannel, useChannelMutation } from '../../lib/queries'
import { ActivityTypeFormModal } from './ActivityTypeFormModal'
import { CATEGORY_COLOR, CATEGORY_LABEL } from './categories'
import { confirmDelete } from './form-support'
import { SectionFrame } from './SectionFrame'
import { StatusBadge } from './StatusBadge'

export function ActivityTypesSection() {
  const types = useChannel('activityTypes.list', { includeInactive: true })
  const remove = useChannelMutation('activityTypes.delete')
  // undefined: closed; null: adding; a type: editing it.
  const [editing, setEditing] = useState<ActivityType | null | undefined>(undefined)

  const askDelete = (t: ActivityType) =>
    confirmDelete({
      title: `Delete ${t.name}?`,
      message: (
        <Text>
          The type goes for good. A type that work or a maintenance template still uses cannot be deleted: mark it as not in
          use instead.
        </Text>
      ),
      onConfirm: async () => {
        try {
          await remove.mutateAsync({ id: t.id })
          notifications.show({ color: 'green', message: `${t.name} deleted` })
        } catch (error) {
          notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message })
        }
      },
    })

  return (
    <SectionFrame
      title="Activity types"
      description="The kinds of work the shop books, with how long each takes. The two inspections are built in: they can be renamed but not deleted."
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing(null)}>
          Add type
        </Button>
      }
      loading={types.isPending}
      error={types.error}
    >
      <Table striped highlightOnHover aria-label="Activity types">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">Duration</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" w={150}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    aria-label={`Edit ${t.name}`}
                    onClick={() => setEditing(t)}
                  >
                    Edit
                  </Button>
                  {/* Built-ins have no delete at all: the "Built in" badge says why. */}
                  {!t.builtin && (
                    <Tooltip label="Delete type">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${t.name}`} onClick={() => askDelete(t)}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== undefined && <ActivityTypeFormModal type={editing ?? undefined} onClose={() => setEditing(undefined)} />}
    </SectionFrame>
  )
}
