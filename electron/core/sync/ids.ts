import { createHash } from 'node:crypto'

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv'

/**
 * Our Google event id, chosen before the network: base32hex (Google accepts `a-v0-9`,
 * 5–1024 characters) of a hash of the install, activity, calendar and generation. A retried
 * insert reuses it and meets 409 `duplicate`, which tells us the first attempt landed; a
 * booking made again after a delete gets the next generation, a fresh id
 * (docs/sync-notes.md §2 "Custom id", §4 rules 2 and 7).
 *
 * @example
 * googleEventId('5f0c…', 12, 1, 1) // 'q3…' (26 characters)
 */
export function googleEventId(installId: string, activityId: number, calendarId: number, generation: number): string {
  const digest = createHash('sha256').update(`${installId}:${activityId}:${calendarId}:${generation}`).digest()
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of digest) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < 26) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

/** The private extended properties that mark an event as ours (per calendar copy). */
export const OUR_TAG = 'shopSchedulerInstall'
export const OUR_ACTIVITY = 'shopSchedulerActivity'
