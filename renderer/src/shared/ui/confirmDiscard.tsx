import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'

/**
 * Closes a form dialog, but asks first when something was typed: Escape, a click outside
 * or the close button must not throw away a half-filled form.
 *
 * @example
 * <Modal onClose={() => confirmDiscard(form.isDirty(), onClose)} …>
 */
export function confirmDiscard(dirty: boolean, close: () => void): void {
  if (!dirty) return close()
  modals.openConfirmModal({
    title: 'Discard what you typed?',
    children: <Text size="sm">The changes in this form have not been saved.</Text>,
    labels: { confirm: 'Discard', cancel: 'Keep editing' },
    confirmProps: { color: 'red' },
    onConfirm: close,
  })
}
