import { channel } from './define'
import { inviteSchemas as s, type InviteFile, type InviteStatus, type ScheduleFile } from '../domain/invites'

export const invitesContract = {
  /** One activity's invite (METHOD:REQUEST, or METHOD:CANCEL once cancelled); records the SEQUENCE issued. */
  'invites.export': channel<InviteFile>()(s.export),
  /** After saving an unrecorded export: records its SEQUENCE as sent; `stale` if the activity changed meanwhile. */
  'invites.markSent': channel<InviteStatus>()(s.markSent),
  /** Never sent / sent / changed since the invite, with the reason an invite would be refused. */
  'invites.status': channel<InviteStatus>()(s.status),
  /** One vehicle's upcoming activities as one calendar file. */
  'invites.exportVehicle': channel<ScheduleFile>()(s.exportVehicle),
  /** Every activity of the shop in a date range as one calendar file; reports `progress`. */
  'invites.exportRange': channel<ScheduleFile>()(s.exportRange),
}
