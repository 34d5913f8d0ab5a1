/**
 * The one contract between the renderer and the main process: every channel with its
 * input schema and result type, and every event. Main registers handlers from it,
 * preload and the HTTP bridge build `window.shop` from it, the renderer calls through it.
 *
 * Each domain declares its channels in `shared/contract/<domain>.ts`; add the group here.
 */
import type { z } from 'zod'
import type { Channel } from './contract/define'
import type { Result } from './result'
import { customersContract } from './contract/customers'
import { vehiclesContract } from './contract/vehicles'
import {
  activityTypesContract,
  baysContract,
  closuresContract,
  hoursContract,
  odometerContract,
  settingsContract,
  techniciansContract,
  templatesContract,
} from './contract/reference'
import { activitiesContract } from './contract/activities'
import { scheduleContract } from './contract/schedule'
import { invitesContract } from './contract/invites'
import { syncContract } from './contract/sync'

export const contract = {
  ...customersContract,
  ...vehiclesContract,
  ...settingsContract,
  ...hoursContract,
  ...closuresContract,
  ...baysContract,
  ...techniciansContract,
  ...activityTypesContract,
  ...templatesContract,
  ...odometerContract,
  ...activitiesContract,
  ...scheduleContract,
  ...invitesContract,
  ...syncContract,
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
/** The input after its schema ran: defaults filled, text trimmed. What handlers receive. */
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelResult<C extends ChannelName> =
  Contract[C] extends Channel<z.ZodType, infer R> ? R : never

export const channelNames = Object.keys(contract) as ChannelName[]

/** What a long job reports while it runs (schedule-all, large exports). */
export interface ProgressEvent {
  job: string
  label: string
  done: number
  total: number
  finished: boolean
}

import type { ChangedEvent } from './contract/changes'
export { dataDomains, readDependencies, readsShow, type ChangedEvent, type DataDomain } from './contract/changes'

export interface SyncStatusEvent {
  account: string
  state: 'idle' | 'syncing' | 'error'
  message?: string
}

export interface Events {
  progress: ProgressEvent
  changed: ChangedEvent
  'sync.status': SyncStatusEvent
}
export type EventName = keyof Events
export const eventNames = ['progress', 'changed', 'sync.status'] as const satisfies readonly EventName[]

/** Things only the host can do: the Electron shell with native dialogs, or the browser bridge. */
export interface PlatformApi {
  /** Saves text to a file the user picks (Electron) or downloads it (bridge). */
  saveFile(file: { suggestedName: string; content: string; mimeType: string }): Promise<{ saved: boolean; path?: string }>
  /** Opens an http(s) link in the system browser. */
  openExternal(url: string): Promise<void>
  kind: 'electron' | 'bridge'
}

/** `window.shop`: the renderer's only door to the application. */
export interface ShopApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  platform: PlatformApi
}

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never
export type Domain = DomainOf<ChannelName>

/** `shop.vehicles.create(input)`: the contract grouped by domain, one function a channel. */
export type ShopClient = {
  [D in Domain]: {
    [C in ChannelName as C extends `${D}.${infer V}` ? V : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelResult<C>>>
  }
}

/** `window.shop`: the renderer's only door to the application. */
export type ShopWindowApi = ShopApi & ShopClient

/**
 * Groups a raw `invoke` by domain. Preload and the HTTP bridge both expose the result as
 * `window.shop`, so the renderer cannot tell which transport carries its calls.
 */
export function groupByDomain(invoke: ShopApi['invoke']): ShopClient {
  const client: Record<string, Record<string, (input: unknown) => unknown>> = {}
  for (const name of channelNames) {
    const dot = name.indexOf('.')
    const domain = name.slice(0, dot)
    const verb = name.slice(dot + 1)
    client[domain] ??= {}
    client[domain][verb] = (input: unknown) => invoke(name, input as never)
  }
  return client as unknown as ShopClient
}
