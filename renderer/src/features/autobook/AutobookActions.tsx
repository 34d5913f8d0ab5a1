import { Button } from '@mantine/core'
import { IconArrowBackUp, IconWand } from '@tabler/icons-react'
import type { Autobook } from './use-autobook'

/** "Fill the week" for the week in view, and the undo of the last accepted proposal. */
export function AutobookActions({ autobook, week }: { autobook: Autobook; week: { from: string; to: string } }) {
  return (
    <>
      {autobook.lastRun && (
        <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={autobook.undo} loading={autobook.undoing}>
          Undo auto-booking ({autobook.lastRun.count})
        </Button>
      )}
      <Button size="xs" variant="default" leftSection={<IconWand size={14} />} onClick={() => autobook.propose(week)} loading={autobook.proposing}>
        Fill the week
      </Button>
    </>
  )
}
