import { randomBytes } from 'node:crypto'
import type { FakeClock } from '../shared/clock'
import { randomToken } from '../shared/ids'
import type { GraphEventRecord, GraphExtendedProperty } from './types'

export interface GraphCalendar {
  id: string
  name: string
  isDefaultCalendar: boolean
  changeKey: string
}

/** What a create or update may set; times already resolved to UTC by the API layer. */
export interface EventInput {
  subject?: string
  body?: { contentType: 'text' | 'html'; content: string }
  startMs?: number
  endMs?: number
  originalStartTimeZone?: string
  originalEndTimeZone?: string
  isAllDay?: boolean
  showAs?: string
  categories?: string[]
  reminderMinutesBeforeStart?: number
  isReminderOn?: boolean
  location?: { displayName: string }
  transactionId?: string | null
  extendedProperties?: GraphExtendedProperty[]
}

function outlookId(prefix: string): string {
  // Exchange ids are long, case-sensitive base64 strings.
  return prefix + randomBytes(105).toString('base64url')
}

function changeKey(): string {
  return randomBytes(16).toString('base64')
}

/** One mailbox: its calendars and events, with one change log for delta. */
export class GraphStore {
  epoch = randomToken(6)
  private seq = 0
  private calendars = new Map<string, GraphCalendar>()
  private events: GraphEventRecord[] = []

  constructor(
    private readonly clock: FakeClock,
    private readonly idsChangeOnMove: boolean,
  ) {}

  reset(): void {
    this.calendars.clear()
    this.events = []
    this.seq = 0
    this.epoch = randomToken(6)
  }

  currentSeq(): number {
    return this.seq
  }

  addCalendar(c: { id?: string; name: string; isDefaultCalendar?: boolean }): GraphCalendar {
    const cal: GraphCalendar = { id: c.id ?? outlookId('AAMkAGI2'), name: c.name, isDefaultCalendar: c.isDefaultCalendar ?? false, changeKey: changeKey() }
    if (this.calendars.has(cal.id)) throw new Error(`calendar ${cal.id} already exists`)
    this.calendars.set(cal.id, cal)
    return { ...cal }
  }

  calendarList(): GraphCalendar[] {
    return [...this.calendars.values()].map((c) => ({ ...c }))
  }

  calendar(id: string): GraphCalendar | undefined {
    return this.calendars.get(id)
  }

  defaultCalendar(): GraphCalendar | undefined {
    return [...this.calendars.values()].find((c) => c.isDefaultCalendar)
  }

  /** A live event by the id a client holds: the REST id, or the immutable id when it asked for those. */
  find(id: string, immutable: boolean): GraphEventRecord | undefined {
    return this.events.find((e) => !e.deleted && (immutable ? e.immutableId === id : e.restId === id))
  }

  /** Records of a calendar, tombstones included, in change-log order. */
  inCalendar(calendarId: string): GraphEventRecord[] {
    return this.events.filter((e) => e.calendarId === calendarId).sort((a, b) => a.seq - b.seq)
  }

  live(calendarId: string): GraphEventRecord[] {
    return this.inCalendar(calendarId).filter((e) => !e.deleted)
  }

  byTransactionId(transactionId: string): GraphEventRecord | undefined {
    return this.events.find((e) => !e.deleted && e.transactionId === transactionId)
  }

  private touch(e: GraphEventRecord): GraphEventRecord {
    this.seq += 1
    e.seq = this.seq
    e.changeKey = changeKey()
    e.lastModifiedDateTime = this.clock.now().toISOString().replace('Z', '0000Z')
    return structuredClone(e)
  }

  create(calendarId: string, input: EventInput): GraphEventRecord {
    const now = this.clock.now().toISOString().replace('Z', '0000Z')
    const startMs = input.startMs ?? this.clock.nowMs()
    const rec: GraphEventRecord = {
      restId: outlookId('AAMkAGI2'),
      immutableId: outlookId('AAkALgAA'),
      calendarId,
      changeKey: '',
      createdDateTime: now,
      lastModifiedDateTime: now,
      iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(24).toString('hex').toUpperCase()}`,
      subject: input.subject ?? '',
      body: input.body ?? { contentType: 'html', content: '' },
      startMs,
      endMs: input.endMs ?? startMs + 30 * 60_000,
      originalStartTimeZone: input.originalStartTimeZone ?? 'UTC',
      originalEndTimeZone: input.originalEndTimeZone ?? 'UTC',
      isAllDay: input.isAllDay ?? false,
      isCancelled: false,
      showAs: input.showAs ?? 'busy',
      categories: input.categories ?? [],
      reminderMinutesBeforeStart: input.reminderMinutesBeforeStart ?? 15,
      isReminderOn: input.isReminderOn ?? true,
      location: input.location ?? { displayName: '' },
      transactionId: input.transactionId ?? null,
      extendedProperties: input.extendedProperties ?? [],
      deleted: false,
      seq: 0,
    }
    this.events.push(rec)
    return this.touch(rec)
  }

  update(rec: GraphEventRecord, input: EventInput): GraphEventRecord {
    const live = this.events.find((e) => e === rec) ?? this.events.find((e) => e.restId === rec.restId && !e.deleted)
    if (!live) throw new Error('no such event')
    const { extendedProperties, transactionId: _immutable, ...rest } = input
    Object.assign(live, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)))
    if (extendedProperties) {
      for (const p of extendedProperties) {
        const i = live.extendedProperties.findIndex((x) => x.id.toLowerCase() === p.id.toLowerCase())
        if (i >= 0) live.extendedProperties[i] = p
        else live.extendedProperties.push(p)
      }
    }
    return this.touch(live)
  }

  remove(rec: GraphEventRecord): void {
    const live = this.events.find((e) => e.restId === rec.restId && !e.deleted)
    if (!live) throw new Error('no such event')
    live.deleted = true
    this.touch(live)
  }

  /** The user drags the event to another calendar in Outlook: a tombstone stays behind. */
  moveToCalendar(rec: GraphEventRecord, calendarId: string): GraphEventRecord {
    const live = this.events.find((e) => e.restId === rec.restId && !e.deleted)
    if (!live) throw new Error('no such event')
    const moved: GraphEventRecord = { ...structuredClone(live), calendarId, restId: this.idsChangeOnMove ? outlookId('AAMkAGI2') : live.restId }
    live.deleted = true
    live.removedIds = { restId: live.restId, immutableId: live.immutableId }
    // The tombstone must not answer lookups by the (shared) id any more.
    if (!this.idsChangeOnMove) live.restId = `${live.restId}#moved${this.seq}`
    live.immutableId = `${live.immutableId}#moved${this.seq}`
    this.touch(live)
    this.events.push(moved)
    return this.touch(moved)
  }
}
