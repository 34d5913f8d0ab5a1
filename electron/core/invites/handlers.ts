import { longRunning, type HandlerMap } from '../handler'
import { exportActivityInvite } from './export-activity'
import { exportShopRange } from './export-range'
import { exportVehicleSchedule } from './export-vehicle'
import { markInviteSent } from './mark-sent'
import { inviteStatus } from './status'

export const invitesHandlers = {
  'invites.export': (input, ctx) => exportActivityInvite(ctx, input),
  'invites.markSent': (input, ctx) => markInviteSent(ctx, input),
  'invites.status': ({ activityId }, ctx) => inviteStatus(ctx, activityId),
  'invites.exportVehicle': ({ vehicleId }, ctx) => exportVehicleSchedule(ctx, vehicleId),
  // Ten thousand events take seconds to validate: batched, yielding, with progress.
  'invites.exportRange': longRunning<'invites.exportRange'>((input, ctx) => exportShopRange(ctx, input)),
} satisfies HandlerMap<'invites'>
