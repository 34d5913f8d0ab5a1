import { modals } from '@mantine/modals'
import type { ReactNode } from 'react'

/** Mantine's NumberInput holds '' while empty; the schemas want a number or nothing. */
export const numberOrUndefined = (v: number | string): number | undefined => (typeof v === 'number' ? v : undefined)
export const numberOrNull = (v: number | string): number | null => (typeof v === 'number' ? v : null)

/**
 * Blank required number inputs, reported as "Required" instead of zod's "expected number,
 * received undefined", which means nothing to the front desk.
 */
export function blankNumbers<V extends object>(values: V, fields: readonly (keyof V & string)[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const f of fields) if (values[f] === '') errors[f] = 'Required'
  return errors
}

/** Asks before anything is deleted; `onConfirm` runs only on the red button. */
export function confirmDelete(opts: { title: string; message: ReactNode; confirmLabel?: string; onConfirm(): void }) {
  modals.openConfirmModal({
    title: opts.title,
    children: opts.message,
    labels: { confirm: opts.confirmLabel ?? 'Delete', cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    onConfirm: opts.onConfirm,
  })
}
