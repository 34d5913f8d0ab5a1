import { useEffect, type ReactNode } from 'react'
import type { UseFormReturnType } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'

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

/**
 * A refused or invalid save takes the person to the first field that needs them, once its
 * message is drawn (the keyboard user hears it; nobody hunts for the red field).
 *
 * @example
 * form.onSubmit(save, (_errors, _values, event) => focusFirstInvalid(event?.currentTarget))
 */
export function focusFirstInvalid(container: HTMLElement | null | undefined) {
  if (!container) return
  requestAnimationFrame(() => container.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

/**
 * Asks before anything is deleted; `onConfirm` runs only on the red button. It deletes and
 * says so; when it throws (the core refused), the refusal is shown as a "Not deleted" notice.
 */
export function confirmDelete(opts: { title: string; message: ReactNode; confirmLabel?: string; onConfirm(): Promise<void> }) {
  const confirm = async () => {
    try {
      await opts.onConfirm()
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message })
    }
  }
  modals.openConfirmModal({
    title: opts.title,
    children: opts.message,
    labels: { confirm: opts.confirmLabel ?? 'Delete', cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    // The modal does not wait for it; `confirm` shows its own failures, so nothing is lost.
    onConfirm: () => void confirm(),
  })
}

/**
 * Keeps a settings form on what is stored while the user has not touched it: a change made
 * elsewhere (another window, the bridge, a bulk job) shows without a reload. Once the user
 * types, their values win until they save or undo, so nothing typed is ever overwritten.
 */
export function useFollowStored<V extends object>(form: UseFormReturnType<V>, stored: V) {
  const key = JSON.stringify(stored)
  useEffect(() => {
    if (form.isDirty()) return
    form.setInitialValues(stored)
    form.setValues(stored)
    form.resetDirty(stored)
    // Keyed on the stored values' content: `form` and `stored` are new objects every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
}
