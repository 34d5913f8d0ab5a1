import type { Kysely, Selectable } from 'kysely'
import type { Database, SyncAccountsTable, SyncCalendarsTable } from '../db/database'
import type { SyncAccount, SyncCalendar } from '../../../shared/domain/sync'
import { parsePausedDeletes } from './paused-deletes'
import { notFound } from '../errors'

export const toSyncCalendar = (r: Selectable<SyncCalendarsTable>): SyncCalendar => ({
  id: r.id,
  accountId: r.account_id,
  remoteId: r.remote_id,
  summary: r.summary,
  role: r.role,
  technicianId: r.technician_id,
})

/** Accounts with their queue counts: what waits for each (an activity counts for every account it shows on). */
export async function loadAccounts(db: Kysely<Database>, id?: number): Promise<SyncAccount[]> {
  const rows = await db
    .selectFrom('sync_accounts')
    .selectAll()
    .$if(id !== undefined, (q) => q.where('id', '=', id!))
    .orderBy('id')
    .execute()
  const queued = await db
    .selectFrom('sync_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('dead_at').as('dead')])
    .executeTakeFirstOrThrow()
  return rows.map((r: Selectable<SyncAccountsTable>) => {
    const paused = parsePausedDeletes(r.paused_deletes)
    return {
      id: r.id,
      provider: r.provider,
      email: r.email,
      status: r.status,
      lastSyncAt: r.last_sync_at,
      lastError: r.last_error,
      pausedDeletes: paused && paused.decision === null ? { count: paused.count, total: paused.total } : null,
      queued: Number(queued.all),
      deadLetters: Number(queued.dead),
    }
  })
}

export async function loadAccount(db: Kysely<Database>, id: number): Promise<SyncAccount> {
  const [account] = await loadAccounts(db, id)
  if (!account) throw notFound('Calendar account', id)
  return account
}
