import { useCallback, useState } from 'react'
import { notifications } from '@mantine/notifications'
import type { AutobookProposal } from '../../../../shared/domain/autobook'
import { useChannel, useChannelMutation } from '../../shared/data/queries'

/** The proposal on screen, which of it is ticked, and accept / discard / undo. */
export function useAutobook() {
  const [proposal, setProposal] = useState<AutobookProposal | null>(null)
  const [chosen, setChosen] = useState<Set<number>>(new Set())
  const proposing = useChannelMutation('autobook.propose')
  const accepting = useChannelMutation('autobook.accept')
  const undoing = useChannelMutation('autobook.undo')
  // Survives a reload: the last accepted proposal can be undone until it is.
  const lastRun = useChannel('autobook.lastRun', {})

  const { mutateAsync: proposeAsync } = proposing
  const propose = useCallback(
    async (range: { from: string; to: string }) => {
      try {
        const p = await proposeAsync(range)
        setProposal(p)
        setChosen(new Set(p.items.map((i) => i.activityId)))
      } catch (error) {
        notifications.show({ color: 'red', title: 'Could not fill the week', message: (error as Error).message })
      }
    },
    [proposeAsync],
  )

  const { mutateAsync: acceptAsync } = accepting
  const accept = useCallback(async () => {
    if (!proposal) return
    const items = proposal.items
      .filter((i) => chosen.has(i.activityId))
      .map((i) => ({ activityId: i.activityId, version: i.version, start: i.start, end: i.end, bayId: i.bayId, technicianId: i.technicianId }))
    try {
      const r = await acceptAsync({ items })
      setProposal(null)
      setChosen(new Set())
      notifications.show({
        color: r.skipped.length ? 'yellow' : 'green',
        title: `Booked ${r.booked.length} of ${items.length}`,
        message: r.skipped.length
          ? `Skipped ${r.skipped.length}, changed meanwhile: ${r.skipped
              .slice(0, 3)
              .map((s) => s.reason)
              .join(' ')}`
          : 'Use "Undo auto-booking" to take them all back.',
      })
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was booked', message: (error as Error).message })
    }
  }, [proposal, chosen, acceptAsync])

  const { mutateAsync: undoAsync } = undoing
  const run = lastRun.data ?? null
  const undo = useCallback(async () => {
    if (!run) return
    try {
      const r = await undoAsync({ token: run.token })
      notifications.show({
        color: r.kept.length ? 'yellow' : 'green',
        title: `Unbooked ${r.removed.length}`,
        message: r.kept.length ? `Left ${r.kept.length} that were changed since.` : 'The auto-booking is undone.',
      })
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not undo', message: (error as Error).message })
    }
  }, [run, undoAsync])

  const discard = useCallback(() => {
    setProposal(null)
    setChosen(new Set())
  }, [])

  return {
    proposal,
    chosen,
    setChosen,
    propose,
    proposing: proposing.isPending,
    accept,
    accepting: accepting.isPending,
    discard,
    lastRun: run,
    undo,
    undoing: undoing.isPending,
  }
}

export type Autobook = ReturnType<typeof useAutobook>
