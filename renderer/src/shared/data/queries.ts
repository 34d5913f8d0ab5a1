import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query'
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
  return useQuery<ChannelResult<C>, ShopError>({
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  })
}

/** Writes through a channel. The core's `changed` event refreshes the reads, wherever they are shown. */
export function useChannelMutation<C extends ChannelName>(channel: C) {
  return useMutation<ChannelResult<C>, ShopError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
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
