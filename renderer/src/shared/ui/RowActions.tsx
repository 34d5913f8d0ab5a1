import { ActionIcon, Tooltip } from '@mantine/core'
import { IconEdit, IconPlayerPlay, IconPower } from '@tabler/icons-react'

/** A list row's edit button: a pencil, named for the row ("Edit Honda Civic"). */
export function EditAction({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <Tooltip label="Edit">
      <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${name}`} onClick={onClick}>
        <IconEdit size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  )
}

/** A list row's deactivate (red power) or reactivate (green play) button, named for the row. */
export function ActiveToggleAction({ active, name, onClick }: { active: boolean; name: string; onClick: () => void }) {
  const verb = active ? 'Deactivate' : 'Reactivate'
  return (
    <Tooltip label={verb}>
      <ActionIcon variant="subtle" color={active ? 'red' : 'green'} aria-label={`${verb} ${name}`} onClick={onClick}>
        {active ? <IconPower size={18} aria-hidden /> : <IconPlayerPlay size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  )
}
