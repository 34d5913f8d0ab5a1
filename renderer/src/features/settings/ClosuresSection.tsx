import { useState } from 'react'
import { Badge, Switch, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Closure } from '../../../../shared/domain/closures'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { formatDate } from '../../shared/time/format'
import { useReconcileOffer } from '../schedule/useReconcileOffer'
import { ClosureFormModal } from './ClosureFormModal'
import { confirmDelete } from '../../shared/ui/form-support'
import { DeleteButton, ListSection } from './ListSection'
import { coreToday } from '../../shared/time/shop-clock'

const scopeLabel = (c: Closure): string => (c.scope === 'shop' ? 'Whole shop' : `${c.scope === 'bay' ? 'Bay' : 'Technician'}: ${c.resourceName ?? 'unknown'}`)

// Dark shades so the white badge text keeps AA contrast.
const SCOPE_COLOR: Record<Closure['scope'], string> = { shop: 'red.9', bay: 'cyan.9', technician: 'grape.9' }

const dayRange = (c: Closure): string => (c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`)

export function ClosuresSection() {
  // The browser's day; the core applies the shop's own zone to anything it stores.
  const today = coreToday()
  const [showPast, setShowPast] = useState(false)
  const closures = useChannel('closures.list', showPast ? {} : { from: today })
  const remove = useChannelMutation('closures.delete')
  const [adding, setAdding] = useState(false)
  const [offerReconcile, reconcileDialog] = useReconcileOffer()

  const askDelete = (c: Closure) =>
    confirmDelete({
      title: 'Delete this closure?',
      message: (
        <Text>
          {scopeLabel(c)}, {dayRange(c)}
          {c.reason ? ` (${c.reason})` : ''} will be open for booking again.
        </Text>
      ),
      onConfirm: async () => {
        await remove.mutateAsync({ id: c.id })
        notifications.show({ color: 'green', message: 'Closure deleted' })
        offerReconcile('A closure was removed. Planned work can use those days again. Update every vehicle’s plan?')
      },
    })

  return (
    <ListSection
      title="Closures"
      description="Holidays, repairs and time off. Nothing is booked or planned on a closed day; a bay or technician closure only blocks that resource."
      addLabel="Add closure"
      onAdd={() => setAdding(true)}
      list={closures}
      filters={<Switch label="Show past closures" checked={showPast} onChange={(e) => setShowPast(e.currentTarget.checked)} />}
      emptyText={showPast ? 'No closures yet.' : 'No closures from today on.'}
      columns={['Days', 'Closed', 'Reason']}
      actionsWidth={60}
      dialogs={
        <>
          {adding && (
            <ClosureFormModal
              today={today}
              onClose={() => setAdding(false)}
              onSaved={() => {
                setAdding(false)
                offerReconcile('A closure was added. Planned work on those days should move. Update every vehicle’s plan?')
              }}
            />
          )}
          {reconcileDialog}
        </>
      }
    >
      {closures.data?.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>{dayRange(c)}</Table.Td>
          <Table.Td>
            <Badge variant="filled" color={SCOPE_COLOR[c.scope]} tt="none">
              {scopeLabel(c)}
            </Badge>
          </Table.Td>
          <Table.Td>{c.reason ?? '—'}</Table.Td>
          <Table.Td>
            <DeleteButton tooltip="Delete closure" label={`Delete closure ${dayRange(c)}`} onClick={() => askDelete(c)} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListSection>
  )
}
