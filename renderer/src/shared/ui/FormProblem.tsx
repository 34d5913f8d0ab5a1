import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

/** Why a save was refused, when the reason belongs to no single field. */
export function FormProblem({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Not saved" role="alert">
      {message}
    </Alert>
  )
}
