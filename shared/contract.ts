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
import { settingsContract } from './contract/settings'
import { hoursContract } from './contract/hours'
import { closuresContract } from './contract/closures'
import { baysContract } from './contract/bays'
import { techniciansContract } from './contract/technicians'
import { activityTypesContract } from './contract/activity-types'
import { templatesContract } from './contract/templates'
import { odometerContract } from './contract/odometer'
import { activitiesContract } from './contract/activities'
import { scheduleContract } from './contract/schedule'
import { invitesContract } from './contract/invites'
import { backupsContract, databaseContract } from './contract/backups'
import { databaseServerContract } from './contract/database-server'
import type { DatabaseStatus } from './domain/backups'
import { emailContract, noticesContract } from './contract/email'
import type { StaffNotice } from './domain/email'
import { exportContract, importContract } from './contract/import'
import { clockContract } from './contract/clock'
import { syncContract } from './contract/sync'
import { deskContract } from './contract/desk'
import { autobookContract } from './contract/autobook'

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
  ...backupsContract,
  ...databaseContract,
  ...databaseServerContract,
  ...emailContract,
  ...noticesContract,
  ...importContract,
  ...exportContract,
  ...clockContract,
  ...syncContract,
  ...deskContract,
  ...autobookContract,
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
/** The input after its schema ran: defaults filled, text trimmed. What handlers receive. */
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelResult<C extends ChannelName> = Contract[C] extends Channel<z.ZodType, infer R> ? R : never

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

/** A click on a desktop notification (main) asks the window to open that activity. */
export interface NoticeOpenEvent {
  activityId: number
}

export interface Events {
  progress: ProgressEvent
  changed: ChangedEvent
  'sync.status': SyncStatusEvent
  /** The database switched mode (damage found, a restore, another file opened): screens re-read `database.status`. */
  database: DatabaseStatus
  /** A staff notification fired: a desktop notification in the app, a toast in the bridge. */
  notice: StaffNotice
  'notice.open': NoticeOpenEvent
}
export type EventName = keyof Events
export const eventNames = ['progress', 'changed', 'sync.status', 'database', 'notice', 'notice.open'] as const satisfies readonly EventName[]

/** Things only the host can do: the Electron shell with native dialogs, or the browser bridge. */
export interface PlatformApi {
  /** Saves text to a file the user picks (Electron) or downloads it (bridge). */
  saveFile(file: { suggestedName: string; content: string; mimeType: string }): Promise<{ saved: boolean; path?: string }>
  /** Opens an http(s) link in the system browser. */
  openExternal(url: string): Promise<void>
  /** Ends the app (Electron) or closes the tab (bridge); the recovery screen's way out. */
  quit(): Promise<void>
  /**
   * Lets the user pick a folder (for backups) or a database file (recovery) with the
   * system's dialog; null when cancelled. The bridge has no such dialog and answers null:
   * its screens take a typed path instead.
   */
  choosePath(kind: 'folder' | 'database'): Promise<string | null>
  /**
   * The page shown, as printed (its print CSS), saved as a PDF the user names: Electron's
   * printToPDF. The bridge has no such call and opens the browser's print dialog instead.
   */
  printToPdf(suggestedName: string): Promise<{ saved: boolean; path?: string }>
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
