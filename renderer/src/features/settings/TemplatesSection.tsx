import { useState } from 'react'
import { Badge, Group, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { MaintenanceTemplate } from '../../../../shared/domain/templates'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { useReconcileOffer } from '../schedule/useReconcileOffer'
import { CATEGORY_COLOR, CATEGORY_LABEL } from './categories'
import { confirmDelete } from '../../shared/ui/form-support'
import { DeleteButton, EditButton, ListSection } from './ListSection'
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
          Vehicles stop getting {t.typeName.toLowerCase()} planned. Work already booked, started or done stays; planned work can be removed by reconciling
          afterwards.
        </Text>
      ),
      onConfirm: async () => {
        await remove.mutateAsync({ id: t.id })
        notifications.show({ color: 'green', message: `${t.typeName} template deleted` })
        offerReconcile(`The ${t.typeName} template was deleted. Remove its planned work from every vehicle?`)
      },
    })

  return (
    <ListSection
      title="Maintenance templates"
      description="Recurring work planned for every active vehicle, besides the inspections."
      addLabel="Add template"
      onAdd={() => setEditing(null)}
      list={templates}
      emptyText="No templates yet: vehicles get their inspections only. Add one for oil changes, tire rotations and the like."
      columns={['Work', 'Interval', 'Counted from', 'Status']}
      actionsWidth={130}
      dialogs={
        <>
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
        </>
      }
    >
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
              <EditButton label={`Edit the ${t.typeName} template`} onClick={() => setEditing(t)} />
              <DeleteButton tooltip="Delete template" label={`Delete the ${t.typeName} template`} onClick={() => askDelete(t)} />
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </ListSection>
  )
}
