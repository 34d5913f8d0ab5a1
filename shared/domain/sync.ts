/** Calendar sync: accounts, chosen calendars, and what needs a person (conflicts, dead letters, paused deletes). */
import { z } from 'zod'
import { id, isoDate, optionalText } from './common'

export const SYNC_PROVIDERS = ['google', 'outlook'] as const
export type SyncProvider = (typeof SYNC_PROVIDERS)[number]
export type SyncAccountStatus = 'connecting' | 'connected' | 'needs_reconnect' | 'disconnected'

export interface SyncAccount {
  id: number
  provider: SyncProvider
  email: string | null
  status: SyncAccountStatus
  lastSyncAt: string | null
  lastError: string | null
  /** Set while a round that found many of our events deleted waits for the user. */
  pausedDeletes: { count: number; total: number } | null
  /** Changes waiting to be pushed, and how many of them are on the dead-letter list. */
  queued: number
  deadLetters: number
}

export interface SyncCalendar {
  id: number
  accountId: number
  remoteId: string
  summary: string
  role: 'shop' | 'technician'
  technicianId: number | null
}

export interface RemoteCalendar {
  remoteId: string
  summary: string
  timeZone: string | null
  primary: boolean
}

export interface SyncConfig {
  google: {
    clientId: string | null
    /** Where the client id comes from: entered in Settings, the environment, or nowhere yet. */
    source: 'settings' | 'environment' | 'none'
    secretSet: boolean
  }
  /** The Microsoft (Entra) public client for Outlook: entered in Settings, else SHOP_MS_CLIENT_ID. No secret. */
  outlook: {
    clientId: string | null
    source: 'settings' | 'environment' | 'none'
  }
  /** Providers this core can connect ("Connect Google", "Connect Outlook"); each still needs its client id. */
  providers: SyncProvider[]
  intervalSeconds: number
  /** Unbooked work with a due date shows as an all-day event on the shop calendars (opt-in). */
  dueDatesAllDay: boolean
}

export interface ConnectStarted {
  accountId: number
  /** The consent page opened in the system browser; a test client (or a person) can open it too. */
  authorizeUrl: string
}

export interface SyncRoundSummary {
  accounts: Array<{
    accountId: number
    status: SyncAccountStatus
    pushed: { created: number; updated: number; deleted: number; unchanged: number }
    pulled: { moved: number; unbooked: number; conflicts: number; busy: number; echoes: number }
    deadLettered: number
    retryLater: number
    pausedDeletes: number
    error: string | null
  }>
}

export interface SyncConflict {
  id: number
  activityId: number
  calendarId: number
  remoteStart: string
  remoteEnd: string
  reason: string
  createdAt: string
}

export interface DeadLetter {
  activityId: number
  error: string
  attempts: number
  deadAt: string
}

/** Time a technician is busy with an event on their own connected calendar (its title is never stored). */
export interface BusyBlock {
  technicianId: number
  /** UTC ISO instants. */
  start: string
  end: string
}

/** Where one activity shows on the connected calendars, and whether a change of it still waits. */
export interface ActivitySyncState {
  places: Array<{
    calendarId: number
    calendarSummary: string
    accountEmail: string | null
    provider: SyncProvider
    accountStatus: SyncAccountStatus
    /** creating: sent, not yet confirmed; live: on the calendar; deleted: removed there (or by us). */
    state: 'creating' | 'live' | 'deleted'
    updatedAt: string
  }>
  /** A change of it waits to be sent; `error` when the calendar refused it (a dead letter) or the last try failed. */
  pending: { queuedAt: string; attempts: number; error: string | null; refused: boolean } | null
}

/** Something that came back from a calendar: a booking moved or deleted there, or a move that clashed. */
export type SyncInboxKind = 'moved' | 'deleted' | 'clash'

export interface SyncInboxItem {
  id: number
  kind: SyncInboxKind
  /** When the round brought it back (a clash seen again later shows its latest time). */
  at: string
  accountId: number
  accountEmail: string | null
  provider: SyncProvider
  calendarSummary: string
  activityId: number
  /** The activity as it is now (null once it was removed from the plan). */
  activity: { vehicleLabel: string; licensePlate: string | null; typeName: string; start: string | null; end: string | null; status: string } | null
  /** The booking's time in the shop before, and the calendar's time (null: deleted there). UTC instants. */
  before: { start: string; end: string } | null
  after: { start: string; end: string } | null
  /** A clash: why it did not apply, and how it was resolved (null: it still waits for a decision). */
  clash: { conflictId: number; reason: string; resolution: 'keep_ours' | 'take_theirs' | null; resolvedAt: string | null } | null
  seenAt: string | null
}

export interface SyncInbox {
  items: SyncInboxItem[]
  /** Items nobody marked seen yet (the header's badge), over the whole inbox, not only those listed. */
  unseen: number
  /** Clashes still waiting for keep ours / take theirs. */
  openClashes: number
}

export interface SyncLogEntry {
  id: number
  at: string
  accountId: number | null
  activityId: number | null
  kind: string
  message: string
}

const accountRef = z.object({ accountId: id })

export const syncSchemas = {
  getConfig: z.object({}),
  setConfig: z.object({
    /** Left out: unchanged (saving the Outlook client keeps Google's); null or empty: removed. */
    googleClientId: optionalText(300).optional(),
    /** Left out: keeps the stored secret; null: removes it. */
    googleClientSecret: z.string().trim().max(300).nullish(),
    /** The Outlook client id; left out: unchanged; null or empty: removed. */
    msClientId: optionalText(300).optional(),
  }),
  setDueDatesAllDay: z.object({ enabled: z.boolean() }),
  connect: z.object({ provider: z.enum(SYNC_PROVIDERS).default('google'), accountId: id.optional() }),
  cancelConnect: accountRef,
  forActivity: z.object({ activityId: id }),
  accounts: z.object({}),
  status: accountRef,
  disconnect: accountRef,
  remoteCalendars: accountRef,
  chooseCalendar: z
    .object({
      accountId: id,
      remoteId: z.string().trim().min(1).max(1024),
      /** The calendar's name as `sync.remoteCalendars` gave it; defaults to its id. */
      summary: z.string().trim().min(1).max(300).optional(),
      role: z.enum(['shop', 'technician']),
      technicianId: id.nullish(),
    })
    .refine((c) => (c.role === 'technician') === (c.technicianId != null), {
      message: 'A technician calendar names its technician; the shop calendar names none',
      path: ['technicianId'],
    }),
  calendars: z.object({}),
  removeCalendar: z.object({ calendarId: id }),
  now: z.object({ accountId: id.optional() }),
  conflicts: z.object({}),
  resolveConflict: z.object({ id, resolution: z.enum(['keep_ours', 'take_theirs']) }),
  deadLetters: z.object({}),
  retryDeadLetter: z.object({ activityId: id }),
  confirmDeletes: z.object({ accountId: id, apply: z.boolean() }),
  inbox: z.object({
    /** unseen: only what nobody marked seen yet (an open clash stays listed until it is decided). */
    show: z.enum(['unseen', 'all']).default('all'),
    limit: z.number().int().min(1).max(500).default(200),
  }),
  /** Marks items seen (dismisses them from the unseen list), logged; `all`: every unseen one. */
  inboxSeen: z
    .object({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() })
    .refine((v) => (v.ids !== undefined && v.ids.length > 0) !== (v.all === true), { message: 'Name the items, or say all', path: ['ids'] }),
  log: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
  /** Busy time overlapping the shop days `[from, to]`, for the calendar's technician lanes. */
  busyTime: z.object({ from: isoDate, to: isoDate }).refine((r) => r.from <= r.to, { message: 'The range ends before it starts', path: ['to'] }),
}
