/**
 * Every domain's handler map, merged into one. A domain adds its map here; a channel
 * claimed twice stops the core from starting. That every contract channel has a handler
 * is checked by tests/core/contract.test.ts (the gate answers a typed error meanwhile).
 */
import { channelNames } from '../../shared/contract'
import { mergeHandlers, type AnyHandler } from './handler'
import { customersHandlers } from './customers/handlers'
import { vehiclesHandlers } from './vehicles/handlers'
import { scheduleHandlers } from './schedule/handlers'
import { invitesHandlers } from './invites/handlers'
import { settingsHandlers } from './settings/handlers'
import { hoursHandlers } from './hours/handlers'
import { closuresHandlers } from './closures/handlers'
import { baysHandlers } from './bays/handlers'
import { techniciansHandlers } from './technicians/handlers'
import { activityTypesHandlers } from './activity-types/handlers'
import { templatesHandlers } from './templates/handlers'
import { odometerHandlers } from './odometer/handlers'
import { activitiesHandlers } from './activities/handlers'
import { backupsHandlers } from './backups/handlers'
import { databaseHandlers, databaseServerHandlers } from './database/handlers'
import { emailHandlers } from './email/handlers'
import { noticesHandlers } from './notices/handlers'
import { importHandlers } from './import/handlers'
import { exportHandlers } from './export/handlers'
import { clockHandlers } from './clock/handlers'
import { syncHandlers } from './sync/handlers'
import { deskHandlers } from './desk/handlers'
import { autobookHandlers } from './autobook/handlers'

export function allHandlers(): Map<string, AnyHandler> {
  return mergeHandlers(
    customersHandlers,
    vehiclesHandlers,
    scheduleHandlers,
    invitesHandlers,
    settingsHandlers,
    hoursHandlers,
    closuresHandlers,
    baysHandlers,
    techniciansHandlers,
    activityTypesHandlers,
    templatesHandlers,
    odometerHandlers,
    activitiesHandlers,
    backupsHandlers,
    databaseHandlers,
    emailHandlers,
    noticesHandlers,
    importHandlers,
    exportHandlers,
    clockHandlers,
    syncHandlers,
    deskHandlers,
    databaseServerHandlers,
    autobookHandlers,
  )
}

/** Contract channels that no handler serves; empty in a finished build. */
export const unservedChannels = (handlers: Map<string, AnyHandler>): string[] => channelNames.filter((c) => !handlers.has(c))

/** The channels served while the database is refused (damaged, newer, in use, server away): Settings → Database too, so a desk can pick another server. */
export const recoveryChannels: ReadonlySet<string> = new Set([
  ...Object.keys(backupsHandlers),
  ...Object.keys(databaseHandlers),
  ...Object.keys(databaseServerHandlers),
])
