/**
 * The renderer's one client of the contract. Everything the app does goes through
 * `window.shop` (preload in Electron, the HTTP bridge in a browser); this module adds
 * types and turns the error envelope into a thrown `ShopError` for react-query.
 */
import type { ChannelInput, ChannelName, ChannelResult, ShopApi } from '../../../../shared/contract'
import type { AppErrorData } from '../../../../shared/result'

declare global {
  interface Window {
    shop: ShopApi
  }
}

export class ShopError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message)
    this.name = 'ShopError'
  }
  get code() {
    return this.error.code
  }
  /** Messages by field path, the first one each, for showing next to the field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const issue of this.error.issues ?? []) out[issue.path] ??= issue.message
    return out
  }
}

export const shop = (): ShopApi => window.shop

/** Calls a channel; resolves with its data or throws a `ShopError`. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await window.shop.invoke(channel, input)
  if (!result.ok) throw new ShopError(result.error)
  return result.data
}
