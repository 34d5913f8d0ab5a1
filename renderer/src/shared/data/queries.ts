import { QueryClient, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query'
import { readsShow, type ChannelInput, type ChannelName, type ChannelResult } from '../../../../shared/contract'
import { call, type ShopError } from './shop'

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

/**
 * Keeps every open page fresh: whatever changed the data (this window, a bulk job, a
 * background service, another client of the bridge), the core emits `changed` naming the
 * domains, and only the queries whose reads show one of them refetch.
 */
export function subscribeToChanges(): () => void {
  return window.shop.on('changed', ({ domains }) => {
    void queryClient.invalidateQueries({
      predicate: (query) => typeof query.queryKey[0] !== 'string' || readsShow(query.queryKey[0], domains),
    })
  })
}
