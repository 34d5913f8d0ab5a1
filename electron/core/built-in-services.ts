import type { Service } from './services'
import { missedActivityService } from './activities/missed-service'
import { emailOutboxService } from './email/service'
import { staffNoticesService } from './notices/service'
import { calendarSyncService, type CalendarSyncOptions } from './sync/calendar-sync-service'

export interface BuiltInServiceOptions {
  env?: Readonly<Record<string, string | undefined>>
  sync?: Omit<CalendarSyncOptions, 'env'>
}

/**
 * The services every core runs, in start order (stopped in reverse). A domain that needs
 * background work adds its factory here; options come from what `createCore` was given.
 */
export function builtInServices(options: BuiltInServiceOptions = {}): Service[] {
  return [missedActivityService(), emailOutboxService(), staffNoticesService(), calendarSyncService({ env: options.env ?? {}, ...options.sync })]
}
