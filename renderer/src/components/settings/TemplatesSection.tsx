import { useState } from 'react'
import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import type { MaintenanceTemplate } from '../../../../shared/domain/reference'
import { useChannel, useChannelMutation } from '../../lib/queries'
import { useReconcileOffer } from '../schedule/useReconcileOffer'
import { CATEGORY_COLOR, CATEGORY_LABEL } from './categories'
import { confirmDelete } from './form-support'
import { SectionFrame } from './SectionFrame'
import { StatusBadge } from './StatusBadge'
import { TemplateFormModal } from './TemplateFormModal'

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`

/** "Every 3 months or 5,000 miles", the way a service booklet says it. */
export const describeInterval = (t: MaintenanceTemplate): string =>
  'Every ' +
  [
    t.intervalMonths != null && plural(t.intervalMonths, 'month'),
    t.intervalDays != null && plural(t.intervalDays, 'day'),
    t.intervalMiles != null && plural(t.intervalMiles, 'mile'),
  ]
    .filter(Boolean)
    .join(' or ')

export function TemplatesSection() {
  const templates = useChannel('templates.list', { includeInactive: true })
  const remove = useChannelMutation('templates.delete')
  // undefined: closed; null: adding; a template: editing it.
  const [editing, setEditing] = useState<MaintenanceTemplate | null | undefined>(undefined)
  const [offerReconcile, reconcileDialog] = useReconcileOffer()

  const askDelete = (t: MaintenanceTemplate) =>
    confirmDelete({
      title: `Delete the ${t.typeName} template?`,
      message: (
        <Text>
          Vehicles stop getting {t.typeName.toLowerCase()} planned. Work already booked, started or done stays; planned work can be
          removed by reconciling afterwards.
        </Text>
      ),
      onConfirm: async () => {
        try {
          await remove.mutateAsync({ id: t.id })
          notifications.show({ color: 'green', message: `${t.typeName} template deleted` })
          offerReconcile(`The ${t.typeName} template was deleted. Remove its planned work from every vehicle?`)
        } catch (error) {
          notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message })
        }
      },
    })

  return (
    <SectionFrame
      title="Maintenance templates"
      description="Recurring work planned for every active vehicle, besides the inspections."
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing(null)}>
          Add template
        </Button>
      }
      loading={templates.isPending}
      error={templates.error}
    >
      {templates.data?.length === 0 ? (
        <Text c="gray.7">No templates yet: vehicles get their inspections only. Add one for oil changes, tire rotations and the like.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Maintenance templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Work</Table.Th>
              <Table.Th scope="col">Interval</Table.Th>
              <Table.Th scope="col">Counted from</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" w={130}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.data?.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={500} size="sm">
                      {t.typeName}
                    </Text>
                    <Badge size="sm" variant="filled" color={CATEGORY_COLOR[t.category]}>
                      {CATEGORY_LABEL[t.category]}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>{describeInterval(t)}</Table.Td>
                <Table.Td>{t.anchor === 'onboarding' ? 'Onboarding' : 'Last done'}</Table.Td>
                <Table.Td>
                  <StatusBadge active={t.active} inactiveLabel="Not in use" />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      aria-label={`Edit the ${t.typeName} template`}
                      onClick={() => setEditing(t)}
                    >
                      Edit
                    </Button>
                    <Tooltip label="Delete template">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete the ${t.typeName} template`} onClick={() => askDelete(t)}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && (
        <TemplateFormModal
          template={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined)
            offerReconcile(`The ${saved.typeName} template changed. Update every vehicle's plan to match?`)
          }}
        />
      )}
      {reconcileDialog}
    </SectionFrame>
  )
}
