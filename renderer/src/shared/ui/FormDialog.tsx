import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { showFieldErrors } from '../data/form-errors'
import { FormProblem } from './FormProblem'
import { confirmDiscard } from './confirmDiscard'
import { focusFirstInvalid } from './form-support'

interface Props<V> {
  title: string
  size?: ModalProps['size']
  form: UseFormReturnType<V>
  onClose(): void
  /**
   * Saves the validated values, then says so and closes (each dialog words its own notice and
   * decides between `onClose` and an `onSaved`). Throws when the save is refused.
   */
  onSubmit(values: V): Promise<void>
  submitLabel: string
  /** The save is on its way: the submit button spins. */
  pending: boolean
  /** The fields; give the first one `data-autofocus` so the dialog opens on it. */
  children: ReactNode
}

/**
 * The frame every create/edit dialog shares: a form inside a Modal, why a save was refused
 * above the fields, then Cancel and the submit button. A refusal puts its field issues next to
 * those fields and the rest in the dialog; the form keeps what was typed either way.
 * Mount it only while open, so each opening starts from the record.
 */
export function FormDialog<V extends object>({ title, size, form, onClose, onSubmit, submitLabel, pending, children }: Props<V>) {
  const [problem, setProblem] = useState<string | null>(null)
  // What opened the dialog, read before the dialog takes focus: it gets focus back on close.
  // (Mantine returns focus when `opened` turns false; these dialogs unmount instead.)
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        if (opener?.isConnected) opener.focus()
      })
    },
    [opener],
  )
  // A refused or invalid save takes the person to the first field that needs them.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget
    form.onSubmit(
      async (values) => {
        setProblem(null)
        try {
          await onSubmit(values)
        } catch (error) {
          setProblem(showFieldErrors(error, Object.keys(values), form.setErrors))
          focusFirstInvalid(element)
        }
      },
      () => focusFirstInvalid(element),
    )(event)
  }

  return (
    // Escape, the close button and a click outside ask before dropping what was typed; Cancel means it.
    <Modal opened onClose={() => confirmDiscard(form.isDirty(), onClose)} title={title} size={size}>
      {/* A dialog opened from this one (a new customer from the vehicle form) is portalled, but
          React still bubbles its submit here: stop it, so only that dialog's form saves. */}
      <form
        onSubmit={(event) => {
          event.stopPropagation()
          submit(event)
        }}
        noValidate
      >
        <Stack gap="sm">
          <FormProblem message={problem} />
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
