import type { ActivityStatus } from '../db/database'

/** What an invite is built from: one activity with its vehicle, customer, type and bay. */
export interface InviteFacts {
  activityId: number
  vehicleId: number
  status: ActivityStatus
  /** `YYYY-MM-DD` in the shop's time zone. */
  dueDate: string
  /** ISO-8601 UTC instants when booked, else both null. */
  startAt: string | null
  endAt: string | null
  bayName: string | null
  typeName: string
  make: string
  model: string
  year: number
  plate: string | null
  customerName: string
  customerEmail: string | null
}

/** The shop's side of every invite, from the settings. */
export interface ShopFacts {
  name: string
  email: string | null
  address: string | null
  timeZone: string
  remindersEnabled: boolean
  reminderDaysBefore: number
  /** Makes UIDs globally unique: see the `invite_calendar` table. */
  installId: string
}
