import { useCallback, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Activity } from '../../../../shared/domain/activities'
import { channelKey, type ChannelMutationOptions } from '../../shared/data/queries'
import { ShopError } from '../../shared/data/shop'
import { describeRefusal } from '../../shared/data/refusal'

/** The options of every activity change the panel makes: its reads refreshed before the answer. */
export const ACTIVITY_WRITE = { invalidates: ['activities'] } as const satisfies ChannelMutationOptions<'activities.update'>

const looksLikeActivity = (v: unknown): v is Activity => typeof v === 'object' && v !== null && 'id' in v && 'version' in v && 'status' in v

/** `error.details` on a stale edit: the current record, whole or under `current`. */
function currentFrom(details: unknown): Activity | null {
  if (looksLikeActivity(details)) return details
  if (typeof details === 'object' && details !== null && 'current' in details) {
    const current = (details as { current: unknown }).current
    if (looksLikeActivity(current)) return current
  }
  return null
}

/**
 * Runs one change to an activity and keeps what the panel says honest: a stale edit shows
 * the current state at once (from the refusal's details, else a refetch) and says so. The
 * change is a `useChannelMutation(..., ACTIVITY_WRITE)` call, which refreshes the activities
 * before it answers, saved or refused.
 *
 * @example
 * const unbook = useChannelMutation('activities.unbook', ACTIVITY_WRITE)
 * void action.run(() => unbook.mutateAsync({ id, version }))
 */
export function useActivityAction(id: number) {
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<{ title: string; message: string; stale: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setProblem(null)
      setBusy(true)
      try {
        await change()
        return true
      } catch (error) {
        const stale = error instanceof ShopError && error.code === 'stale'
        if (stale) {
          const current = currentFrom(error.error.details)
          if (current) queryClient.setQueryData(channelKey('activities.get', { id }), current)
        }
        setProblem({ ...describeRefusal(error), stale })
        return false
      } finally {
        setBusy(false)
      }
    },
    [id, queryClient],
  )
  return { run, problem, busy, clearProblem: () => setProblem(null) }
}
