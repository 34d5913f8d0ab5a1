import { ShopError } from './shop'

/**
 * What to tell the front desk when the core refused a change: a short title for the
 * notification and the core's own message, which names the clash (bay, technician, hours).
 */
export function describeRefusal(error: unknown): { title: string; message: string } {
  if (!(error instanceof ShopError)) {
    return { title: 'Not saved', message: error instanceof Error ? error.message : String(error) }
  }
  switch (error.code) {
    case 'conflict':
      return { title: 'That time is not free', message: error.message }
    case 'stale':
      return { title: 'Changed elsewhere meanwhile', message: `${error.message} The calendar now shows the current state.` }
    case 'invalid_transition':
      return { title: 'Not allowed for its status', message: error.message }
    case 'offline':
      return { title: 'The shop’s server cannot be reached', message: error.message }
    case 'invalid_input':
      return { title: 'Not saved', message: error.error.issues?.map((i) => i.message).join(' ') || error.message }
    default:
      return { title: 'Not saved', message: error.message }
  }
}
