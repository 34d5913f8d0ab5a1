/**
 * Graph's dateTimeTimeZone: a wall time without offset plus a zone (IANA, or a Windows name).
 * A few Windows names are mapped so Outlook-style payloads work; unknown zones are refused.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago',
  'Eastern Standard Time': 'America/New_York',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
}

export function ianaOf(zone: string): string | undefined {
  const mapped = WINDOWS_TO_IANA[zone] ?? zone
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: mapped })
    return mapped
  } catch {
    return undefined
  }
}

function offsetMs(iana: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: iana,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs))
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(utcMs / 1000) * 1000
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/

/** Wall time in a zone → UTC ms; undefined when the text or the zone is not valid. */
export function wallToUtc(dateTime: string, zone: string): number | undefined {
  const iana = ianaOf(zone)
  const m = WALL.exec(dateTime)
  if (!iana || !m) return undefined
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
  let utc = wall - offsetMs(iana, wall)
  utc = wall - offsetMs(iana, utc)
  return utc
}

/** UTC ms → Graph's `2026-03-02T09:00:00.0000000` in the zone. */
export function utcToWall(utcMs: number, zone: string): string {
  const iana = ianaOf(zone) ?? 'UTC'
  const wall = new Date(utcMs + offsetMs(iana, utcMs))
  return `${wall.toISOString().slice(0, 19)}.0000000`
}
