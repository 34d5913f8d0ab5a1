import type { FakeClock } from '../shared/clock'
import { randomBase32hex, randomToken } from '../shared/ids'
import type { FakeCalendar, GoogleEvent } from './types'

interface StoredEvent {
  event: GoogleEvent
  /** Change-log position of this event's last change: incremental sync returns seq > token. */
  seq: number
  deletedAtMs: number | null
}

interface CalendarState {
  cal: FakeCalendar
  events: Map<string, StoredEvent>
  /** Highest seq of a tombstone that was purged: older sync tokens can no longer be served. */
  purgedThroughSeq: number
}

/** Server-owned fields a client can't set (PUT/PATCH keep the stored value). */
const SERVER_FIELDS = ['kind', 'etag', 'id', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID'] as const

export type WriteResult = { ok: true; event: GoogleEvent } | { ok: false; reason: 'notFound' | 'duplicate' }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** PATCH semantics: objects merge recursively, arrays and scalars replace, null clears. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (isPlainObject(v) && isPlainObject(out[k])) out[k] = mergePatch(out[k] as Record<string, unknown>, v)
    else out[k] = v
  }
  return out
}

function sameTime(a: GoogleEvent, b: GoogleEvent): boolean {
  return JSON.stringify([a.start, a.end]) === JSON.stringify([b.start, b.end])
}

/**
 * The calendars and their events. Every mutation takes the next `seq` of one change log shared
 * by all calendars; sync tokens carry (epoch, calendar, seq), and a new epoch invalidates them all.
 */
export class CalendarStore {
  epoch = randomToken(6)
  private seq = 0
  private etagCounter = 0
  private calendars = new Map<string, CalendarState>()

  constructor(
    private readonly clock: FakeClock,
    private readonly owner: string,
    private readonly tombstoneRetentionMs: number | null,
  ) {}

  currentSeq(): number {
    return this.seq
  }

  invalidateSyncTokens(): void {
    this.epoch = randomToken(6)
  }

  reset(): void {
    this.calendars.clear()
    this.seq = 0
    this.invalidateSyncTokens()
  }

  addCalendar(c: { id: string; summary: string; timeZone?: string; primary?: boolean }): void {
    if (this.calendars.has(c.id)) throw new Error(`calendar ${c.id} already exists`)
    this.calendars.set(c.id, {
      cal: { id: c.id, summary: c.summary, timeZone: c.timeZone ?? 'UTC', primary: c.primary ?? false },
      events: new Map(),
      purgedThroughSeq: 0,
    })
  }

  calendarList(): FakeCalendar[] {
    return [...this.calendars.values()].map((s) => ({ ...s.cal }))
  }

  /** Resolves the `primary` alias. */
  calendar(id: string): CalendarState | undefined {
    if (id === 'primary') return [...this.calendars.values()].find((s) => s.cal.primary)
    return this.calendars.get(id)
  }

  purgedThrough(calendarId: string): number {
    return this.calendar(calendarId)?.purgedThroughSeq ?? 0
  }

  /** Events in change-log order, tombstones past retention dropped (and remembered as purged). */
  stored(calendarId: string): Array<{ event: GoogleEvent; seq: number }> {
    const state = this.calendar(calendarId)
    if (!state) return []
    if (this.tombstoneRetentionMs !== null) {
      const cutoff = this.clock.nowMs() - this.tombstoneRetentionMs
      for (const [id, s] of state.events) {
        if (s.deletedAtMs !== null && s.deletedAtMs < cutoff) {
          state.purgedThroughSeq = Math.max(state.purgedThroughSeq, s.seq)
          state.events.delete(id)
        }
      }
    }
    return [...state.events.values()].sort((a, b) => a.seq - b.seq).map((s) => ({ event: structuredClone(s.event), seq: s.seq }))
  }

  get(calendarId: string, id: string): GoogleEvent | undefined {
    const s = this.calendar(calendarId)?.events.get(id)
    return s ? structuredClone(s.event) : undefined
  }

  private nextEtag(): string {
    this.etagCounter += 1
    return `"${this.clock.nowMs() * 1000 + (this.etagCounter % 1000)}"`
  }

  private commit(state: CalendarState, event: GoogleEvent, deleted: boolean): GoogleEvent {
    this.seq += 1
    const prior = state.events.get(event.id)
    state.events.set(event.id, {
      event,
      seq: this.seq,
      deletedAtMs: deleted ? (prior?.deletedAtMs ?? this.clock.nowMs()) : null,
    })
    return structuredClone(event)
  }

  /** Insert (API or external). The id must already be validated; a fresh one is made if absent. */
  insert(calendarId: string, body: Partial<GoogleEvent>, opts: { duplicateOnDeletedId: boolean }): WriteResult {
    const state = this.calendar(calendarId)
    if (!state) return { ok: false, reason: 'notFound' }
    const id = body.id ?? randomBase32hex(26)
    const existing = state.events.get(id)
    if (existing && (existing.deletedAtMs === null || opts.duplicateOnDeletedId)) return { ok: false, reason: 'duplicate' }
    const now = this.clock.now().toISOString()
    const clean: Record<string, unknown> = { ...body }
    for (const f of SERVER_FIELDS) delete clean[f]
    const event: GoogleEvent = {
      kind: 'calendar#event',
      etag: this.nextEtag(),
      id,
      status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${state.cal.id}`).toString('base64url')}`,
      created: now,
      updated: now,
      creator: { email: this.owner, self: true },
      organizer: { email: state.cal.id, displayName: state.cal.summary, self: true },
      iCalUID: `${id}@google.com`,
      sequence: 0,
      reminders: { useDefault: true },
      eventType: 'default',
      ...clean,
    }
    if (event.status === 'cancelled') event.status = 'confirmed'
    return { ok: true, event: this.commit(state, event, false) }
  }

  /** Full replace (PUT) or merge (PATCH) of an existing event, tombstones included (un-cancel). */
  write(calendarId: string, id: string, body: Record<string, unknown>, mode: 'replace' | 'merge'): WriteResult {
    const state = this.calendar(calendarId)
    const stored = state?.events.get(id)
    if (!state || !stored) return { ok: false, reason: 'notFound' }
    const prev = stored.event
    const clean: Record<string, unknown> = { ...body }
    for (const f of SERVER_FIELDS) delete clean[f]
    const base: Record<string, unknown> = mode === 'merge' ? { ...prev } : { sequence: prev.sequence }
    if (mode === 'replace') for (const f of SERVER_FIELDS) base[f] = prev[f]
    const merged = mergePatch(base, clean) as GoogleEvent
    const next: GoogleEvent = {
      ...merged,
      kind: 'calendar#event',
      id,
      status: (merged.status as GoogleEvent['status'] | undefined) ?? 'confirmed',
      etag: this.nextEtag(),
      updated: this.clock.now().toISOString(),
    }
    if (!sameTime(prev, next) && (clean['sequence'] === undefined || clean['sequence'] === prev.sequence)) {
      next.sequence = (prev.sequence ?? 0) + 1
    }
    return { ok: true, event: this.commit(state, next, next.status === 'cancelled') }
  }

  /** Delete = the event becomes a cancelled tombstone (kept for incremental sync). */
  cancel(calendarId: string, id: string): WriteResult {
    const state = this.calendar(calendarId)
    const stored = state?.events.get(id)
    if (!state || !stored) return { ok: false, reason: 'notFound' }
    const next: GoogleEvent = {
      ...stored.event,
      status: 'cancelled',
      etag: this.nextEtag(),
      updated: this.clock.now().toISOString(),
    }
    return { ok: true, event: this.commit(state, next, true) }
  }

  isCancelled(calendarId: string, id: string): boolean {
    return this.calendar(calendarId)?.events.get(id)?.deletedAtMs != null
  }
}
