import type { ReactNode } from 'react'
import { Alert } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'

type Tone = 'success' | 'error' | 'note'

// The title's and icon's ink on the tint is the theme's (its light variant keeps AA).
const TONES: Record<Tone, { color: string; Icon: typeof IconAlertTriangle }> = {
  success: { color: 'green', Icon: IconCircleCheck },
  error: { color: 'red', Icon: IconAlertTriangle },
  note: { color: 'yellow', Icon: IconInfoCircle },
}

/** A light alert (the theme keeps its title and icon at AA contrast); `role` says whether it interrupts (alert) or not (status). */
export function Notice({ tone, title, role, children }: { tone: Tone; title: string; role?: 'alert' | 'status'; children: ReactNode }) {
  const { color, Icon } = TONES[tone]
  return (
    <Alert color={color} variant="light" title={title} role={role} icon={<Icon size={18} aria-hidden />}>
      {children}
    </Alert>
  )
}
