/**
 * Every domain's handler map, merged into one. A domain adds its map here; a channel
 * claimed twice stops the core from starting. That every contract channel has a handler
 * is checked by tests/core/contract.test.ts (the gate answers a typed error meanwhile).
 */
import { channelNames } from '../../shared/contract'
import { mergeHandlers, type AnyHandler } from './handler'
import { customersHandlers } from './customers/handlers'
import { vehiclesHandlers } from './vehicles/handlers'
import { invitesHandlers } from './invites/handlers'

export function allHandlers(): Map<string, AnyHandler> {
  return mergeHandlers(customersHandlers, vehiclesHandlers, invitesHandlers)
}

/** Contract channels that no handler serves; empty in a finished build. */
export const unservedChannels = (handlers: Map<string, AnyHandler>): string[] =>
  channelNames.filter((c) => !handlers.has(c))
