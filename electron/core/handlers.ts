/**
 * Every domain's handler map, merged into one. A domain adds its map here; a channel
 * claimed twice stops the core from starting, and so does a contract channel nobody serves.
 */
import { channelNames } from '../../shared/contract'
import { mergeHandlers, type AnyHandler } from './handler'
import { customersHandlers } from './customers/handlers'
import { vehiclesHandlers } from './vehicles/handlers'

export function allHandlers(): Map<string, AnyHandler> {
  const merged = mergeHandlers(customersHandlers, vehiclesHandlers)
  const missing = channelNames.filter((c) => !merged.has(c))
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`)
  return merged
}
