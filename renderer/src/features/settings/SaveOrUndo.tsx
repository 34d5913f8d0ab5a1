import { Button, Group } from '@mantine/core'

/**
 * The foot of every settings form: "Undo changes" back to what is stored (only once something
 * was changed), and the form's submit button.
 */
export function SaveOrUndo({ form, pending, label, maw }: { form: { isDirty(): boolean; reset(): void }; pending: boolean; label: string; maw?: number }) {
  return (
    <Group justify="flex-end" maw={maw}>
      <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || pending}>
        Undo changes
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  )
}
