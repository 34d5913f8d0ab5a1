import type { ReactNode } from 'react'
import { ActionIcon, Button, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import type { ShopError } from '../../shared/data/shop'
import { SectionFrame } from '../../shared/ui/SectionFrame'

interface Props {
  /** The tab's heading, also the table's accessible name. */
  title: string
  description: string
  /** The heading's button, e.g. "Add bay"; it opens the section's add dialog. */
  addLabel: string
  onAdd(): void
  /** The list being shown: the section waits for it and says so when it cannot load. */
  list: { data?: readonly unknown[]; isPending: boolean; error: ShopError | null }
  /** Above the table, e.g. a switch choosing what it lists. */
  filters?: ReactNode
  /** Said instead of an empty table; without it the table shows even when empty. */
  emptyText?: string
  /** Column headings; one more, unnamed column of this width holds each row's buttons. */
  columns: readonly string[]
  actionsWidth: number
  maw?: number
  /** The table's rows. */
  children: ReactNode
  /** Whatever dialog the section has open (add or edit, reconcile offer). */
  dialogs?: ReactNode
}

/** A settings tab listing records in a table, with a button to add one. */
export function ListSection(props: Props) {
  const { title, description, addLabel, onAdd, list, filters, emptyText, columns, actionsWidth, maw, children, dialogs } = props
  return (
    <SectionFrame
      title={title}
      description={description}
      actions={
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onAdd}>
          {addLabel}
        </Button>
      }
      loading={list.isPending}
      error={list.error}
    >
      {filters}
      {emptyText !== undefined && list.data?.length === 0 ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <Table striped highlightOnHover aria-label={title} maw={maw}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c} scope="col">
                  {c}
                </Table.Th>
              ))}
              <Table.Th scope="col" w={actionsWidth}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
      {dialogs}
    </SectionFrame>
  )
}

/** A row's "Edit" button; `label` names what it edits for screen readers, e.g. "Edit Bay 1". */
export function EditButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button size="xs" variant="subtle" leftSection={<IconPencil size={16} aria-hidden />} aria-label={label} onClick={onClick}>
      Edit
    </Button>
  )
}

/** A row's red bin; `tooltip` is what it does ("Delete type"), `label` what it deletes ("Delete Oil change"). */
export function DeleteButton({ tooltip, label, onClick }: { tooltip: string; label: string; onClick(): void }) {
  return (
    <Tooltip label={tooltip}>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  )
}
