import type { ReactNode } from 'react'
import { Alert } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'

type Tone = 'success' | 'error' | 'note'

// Mantine's light alerts title in shade 8-9 on a tint, 2.7–3.8:1: below AA for 14px text.
// These darker inks keep the look and read at 4.5:1 or more on their tints.
const TONES: Record<Tone, { color: string; ink: string; Icon: typeof IconAlertTriangle }> = {
  success: { color: 'green', ink: '#1b5e2b', Icon: IconCircleCheck },
  error: { color: 'red', ink: '#8f1d1d', Icon: IconAlertTriangle },
  note: { color: 'yellow', ink: '#7a4100', Icon: IconInfoCircle },
}

/** A light alert whose title and icon keep AA contrast; `role` says whether it interrupts (alert) or not (status). */
export function Notice({ tone, title, role, children }: { tone: Tone; title: string; role?: 'alert' | 'status'; children: ReactNode }) {
  const { color, ink, Icon } = TONES[tone]
  return (
    <Alert
      color={color}
      variant="light"
      title={title}
      role={role}
      icon={<Icon size={18} aria-hidden />}
      styles={{ title: { color: ink }, icon: { color: ink }, message: { color: 'var(--mantine-color-black)' } }}
    >
      {children}
    </Alert>
  )
}
