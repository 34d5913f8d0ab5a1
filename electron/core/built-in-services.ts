import type { Service } from './services'
import { missedActivityService } from './activities/missed-service'

/**
 * The services every core runs, in start order (stopped in reverse). A domain that needs
 * background work adds its factory here; options come from what `createCore` was given.
 */
export function builtInServices(): Service[] {
  return [missedActivityService()]
}
