import { QueryClient, replaceEqualDeep, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query'
import { readsShow, type ChangedEvent, type ChannelInput, type ChannelName, type ChannelResult, type DataDomain } from '../../../../shared/contract'
import type { Activity } from '../../../../shared/domain/activities'
import { call, type ShopError } from './shop'
import { withSaved } from './activity-lists'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
})

/** Query key of a channel call: the domain first, so a whole domain can be refreshed at once. */
export const channelKey = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
  [channel.slice(0, channel.indexOf('.')), channel, input ?? {}] as const

/** Reads through a channel; refreshed by itself when the core reports a change. */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options?: Omit<UseQueryOptions<ChannelResult<C>, ShopError>, 'queryKey' | 'queryFn'>,
) {
  return keepShownWhileOffline(
    useQuery<ChannelResult<C>, ShopError>({
      queryKey: channelKey(channel, input),
      queryFn: () => call(channel, input),
      ...options,
    }),
  )
}

/**
 * While the shop's server cannot be reached every read fails, but a page keeps what it last
 * read instead of turning into errors: the frame's banner says the server is away, and the
 * `changed` event sent when it is back refreshes everything. A read that never had data
 * still shows its error.
 */
export function keepShownWhileOffline<R extends { data: unknown; error: ShopError | null }>(result: R): R {
  if (result.data === undefined || result.error?.code !== 'offline') return result
  return { ...result, error: null, isError: false, status: 'success' }
}

/** Query groups: the part of a channel's name before the dot (`activities` for `activities.get`). */
export type ChannelGroup = ChannelName extends `${infer G}.${string}` ? G : never

export interface ChannelMutationOptions<C extends ChannelName> extends Omit<UseMutationOptions<ChannelResult<C>, ShopError, ChannelInput<C>>, 'mutationFn'> {
  /**
   * Groups whose reads are refreshed once the call settles, saved or refused, before
   * `mutateAsync` resolves: for a refusal (a stale version commits nothing, so no `changed`
   * event comes) and for a screen that must show the result the moment the call answers.
   */
  invalidates?: readonly ChannelGroup[]
  /** Refresh `invalidates` without holding the answer back (a drag that must feel instant). */
  invalidateInBackground?: boolean
  /**
   * Groups refreshed in the background when the core refuses the call as stale (changed
   * elsewhere meanwhile): nothing was committed, so no `changed` event brings the current state.
   */
  refreshOnStale?: readonly ChannelGroup[]
}

/**
 * Writes through a channel: the one way a screen changes data. The core's `changed` event
 * refreshes the reads that show what changed, wherever they are shown; `invalidates` adds
 * what the event cannot cover.
 *
 * @example
 * const start = useChannelMutation('activities.start', { invalidates: ['activities'] })
 * await start.mutateAsync({ id, version })
 */
export function useChannelMutation<C extends ChannelName>(channel: C, options: ChannelMutationOptions<C> = {}) {
  const { invalidates, invalidateInBackground, refreshOnStale, onSettled, onError, ...rest } = options
  return useMutation<ChannelResult<C>, ShopError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    ...rest,
    onError: async (...args) => {
      if (args[0].code === 'stale') for (const group of refreshOnStale ?? []) void queryClient.invalidateQueries({ queryKey: [group] })
      await onError?.(...args)
    },
    onSettled: async (...args) => {
      const refreshing = Promise.all((invalidates ?? []).map((group) => queryClient.invalidateQueries({ queryKey: [group] })))
      if (!invalidateInBackground) await refreshing
      await onSettled?.(...args)
    },
  })
}

/** At most this many named activities are patched into the cached ranges; more are re-read whole. */
const PATCH_AT_MOST = 25

/** A range read of every activity (no filter), which a changed activity can be patched into by itself. */
const isWholeRange = (key: readonly unknown[]): boolean =>
  key[1] === 'activities.range' && Object.entries(key[2] as object).every(([k, v]) => k === 'from' || k === 'to' || v === undefined)

/**
 * Keeps every open page fresh: whatever changed the data (this window, a bulk job, a
 * background service, another client of the bridge), the core emits `changed` naming the
 * domains, and only the queries whose reads show one of them refetch.
 *
 * When it names only a few activities, the calendar's month (2,000 bookings) is not read again:
 * those activities are read by id and put where the core lists them (`withSaved`); an activity
 * already cached as the core answers it (this window's own drop) changes nothing on screen.
 */
export function subscribeToChanges(): () => void {
  let pending: ChangedEvent | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const off = window.shop.on('changed', (event) => {
    // A short wait gathers a burst (an import, a re-plan) into one refresh, and lets this
    // window's own answer (which comes right behind its event) be drawn first.
    pending = pending ? mergeChanges(pending, event) : event
    timer ??= setTimeout(() => {
      const change = pending!
      pending = null
      timer = undefined
      refresh(change)
    }, CHANGE_GATHER_MS)
  })
  return () => {
    off()
    clearTimeout(timer)
  }
}

/** How long `changed` events are gathered before the reads they name are refreshed. */
const CHANGE_GATHER_MS = 30

/** Two changes as one: a domain named without ids by either changed anywhere. */
export function mergeChanges(a: ChangedEvent, b: ChangedEvent): ChangedEvent {
  const domains = [...new Set([...a.domains, ...b.domains])]
  const ids: Partial<Record<DataDomain, number[]>> = {}
  for (const d of domains) {
    const x = a.domains.includes(d) ? a.ids?.[d] : []
    const y = b.domains.includes(d) ? b.ids?.[d] : []
    if (x !== undefined && y !== undefined) ids[d] = [...new Set([...x, ...y])]
  }
  return Object.keys(ids).length > 0 ? { domains, ids } : { domains }
}

function refresh({ domains, ids }: ChangedEvent): void {
  const named = domains.length === 1 && domains[0] === 'activities' ? ids?.activities : undefined
  const timeZone = queryClient.getQueryData<{ timeZone: string }>(channelKey('settings.get', {}))?.timeZone
  const patch = named !== undefined && named.length <= PATCH_AT_MOST && timeZone !== undefined
  void queryClient.invalidateQueries({
    predicate: (query) => {
      if (patch && isWholeRange(query.queryKey)) return false
      return typeof query.queryKey[0] !== 'string' || readsShow(query.queryKey[0], domains)
    },
  })
  if (!patch) return
  // A month being read right now may have been read before this change committed: that read is
  // dropped and the month read again (react-query would otherwise keep a first read running).
  for (const query of queryClient.getQueryCache().findAll({ predicate: (q) => isWholeRange(q.queryKey) && q.state.fetchStatus !== 'idle' })) {
    const exact = { queryKey: query.queryKey, exact: true }
    void queryClient.cancelQueries(exact).then(() => queryClient.refetchQueries(exact))
  }
  void patchRanges(named, timeZone)
}

async function patchRanges(ids: readonly number[], timeZone: string): Promise<void> {
  const read = await Promise.all(
    ids.map((id) =>
      call('activities.get', { id }).then(
        (activity) => ({ id, activity }),
        (error: ShopError) => ({ id, activity: null, error }),
      ),
    ),
  )
  // A read that failed for another reason than the activity being gone: read the months whole.
  if (read.some((r) => r.activity === null && r.error.code !== 'not_found')) {
    return void queryClient.invalidateQueries({ predicate: (query) => isWholeRange(query.queryKey) })
  }
  for (const [key, old] of queryClient.getQueriesData<Activity[]>({ predicate: (query) => isWholeRange(query.queryKey) })) {
    if (!Array.isArray(old)) continue
    let list: readonly Activity[] = old
    for (const { id, activity } of read) {
      const cached = list.find((a) => a.id === id)
      if (activity === null) list = cached ? list.filter((a) => a.id !== id) : list
      // Unchanged (this window's own drop, already drawn from the core's answer): nothing to draw.
      else if (cached === undefined || replaceEqualDeep(cached, activity) !== cached) {
        list = withSaved(list, activity, key[2] as { from: string; to: string }, timeZone)
      }
    }
    if (list !== old) queryClient.setQueryData(key, list)
  }
}
