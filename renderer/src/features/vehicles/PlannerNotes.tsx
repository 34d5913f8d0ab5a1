import { List } from '@mantine/core'
import { Notice } from '../../shared/ui/Notice'

/** What the planner could not do, e.g. a miles template without two odometer readings. */
export function PlannerNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null
  return (
    <Notice tone="note" title="Planner notes">
      <List size="sm" spacing={2}>
        {notes.map((n) => (
          <List.Item key={n}>{n}</List.Item>
        ))}
      </List>
    </Notice>
  )
}
