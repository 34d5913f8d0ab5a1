import { useState, type FormEvent, type ReactNode } from 'react'
import { Button, Group } from '@mantine/core'

interface Props {
  /** The searchable select; it passes `onInput` on to its search box. */
  select(onInput: (event: FormEvent<HTMLInputElement>) => void): ReactNode
  /** "New customer…": opens `dialog` beside the select. */
  addLabel: string
  /** The select holds a choice: the new record then starts unnamed, not named as typed. */
  chosen: boolean
  /** The dialog that adds the record, named as far as it was typed; `close` when it is done. */
  dialog(initialName: string, close: () => void): ReactNode
}

/**
 * A select whose record may not exist yet, with "New …" beside it that adds one on the spot,
 * named as far as it was typed in the search. The name is read from the keystrokes: leaving
 * the search (to click the button) clears what it shows.
 */
export function PickOrAdd({ select, addLabel, chosen, dialog }: Props) {
  const [typed, setTyped] = useState('')
  const [adding, setAdding] = useState<string | null>(null)
  return (
    <>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        {select((event) => setTyped(event.currentTarget.value))}
        {/* In line with the select's box, below its label. */}
        <Button variant="default" mt={25} onClick={() => setAdding(chosen ? '' : typed.trim())}>
          {addLabel}
        </Button>
      </Group>
      {adding !== null && dialog(adding, () => setAdding(null))}
    </>
  )
}
