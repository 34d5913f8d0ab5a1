import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import type { AppErrorData, Result } from '../../../shared/result'

export interface ShopHttpClient {
  /** Calls a channel through `POST /ipc/<channel>`; returns its data, throws if refused. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  /** Calls a channel that must be refused; returns the error, throws if it was accepted. */
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppErrorData>
  /** The raw envelope, for tests that look at both outcomes. */
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>
}

/**
 * A typed client of the bridge's HTTP protocol: the same channels and envelope the
 * renderer uses, so seeded data goes through the same validation and rules as the UI.
 *
 * @example
 * const client = shopClient('http://127.0.0.1:5180')
 * const vehicles = await client.call('vehicles.list', { search: 'civic' })
 */
export function shopClient(baseUrl: string): ShopHttpClient {
  async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>> {
    const res = await fetch(`${baseUrl}/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    if (!res.ok) throw new Error(`${channel}: HTTP ${res.status} ${await res.text()}`)
    return (await res.json()) as Result<ChannelResult<C>>
  }
  return {
    invoke,
    async call(channel, input) {
      const result = await invoke(channel, input)
      if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
      return result.data
    },
    async refused(channel, input) {
      const result = await invoke(channel, input)
      if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.data)}`)
      return result.error
    },
  }
}
