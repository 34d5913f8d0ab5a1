import { Badge } from '@mantine/core'

/** "Active" / "Inactive", in colours that keep AA contrast (filled green, outlined gray). */
export function StatusBadge({ active, inactiveLabel = 'Inactive' }: { active: boolean; inactiveLabel?: string }) {
  return active ? (
    <Badge color="teal.9" variant="filled">
      Active
    </Badge>
  ) : (
    <Badge color="gray.7" variant="outline">
      {inactiveLabel}
    </Badge>
  )
}
