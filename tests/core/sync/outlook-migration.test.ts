import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection } from '../../../electron/core/db/connection'
import { migrateToLatest } from '../../../electron/core/db/migrate'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('migration 2026-12-02-020-sync-outlook', () => {
  it('lets an account be Outlook without touching connected Google accounts, their calendars or tokens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-mig-outlook-'))
    dirs.push(dir)
    const conn = openConnection({ path: join(dir, 'shop.db') })
    try {
      await migrateToLatest(conn.db, '2026-12-02-010-sync-due-dates')
      conn.sqlite.exec(`
        insert into sync_accounts (provider, email, status, created_at, updated_at) values ('google', 'shop@example.com', 'connected', 't', 't');
        insert into sync_calendars (account_id, remote_id, summary, role, active, created_at) values (1, 'shop@group.calendar.google.com', 'Shop', 'shop', 1, 't');
      `)
      expect(await migrateToLatest(conn.db, '2026-12-02-020-sync-outlook')).toEqual(['2026-12-02-020-sync-outlook'])
      // Re-making the provider column must not cascade into the account's calendars.
      expect(conn.sqlite.prepare('select id, provider, email, status from sync_accounts').all()).toEqual([
        { id: 1, provider: 'google', email: 'shop@example.com', status: 'connected' },
      ])
      expect(conn.sqlite.prepare('select account_id, remote_id from sync_calendars').all()).toEqual([
        { account_id: 1, remote_id: 'shop@group.calendar.google.com' },
      ])
      conn.sqlite.exec(`insert into sync_accounts (provider, status, created_at, updated_at) values ('outlook', 'connecting', 't', 't')`)
      expect(() => conn.sqlite.exec(`insert into sync_accounts (provider, status, created_at, updated_at) values ('yahoo', 'connecting', 't', 't')`)).toThrow(
        /CHECK/,
      )
      expect(conn.sqlite.prepare('select ms_client_id from sync_settings').get()).toEqual({ ms_client_id: null })
      expect(conn.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      await conn.close()
    }
  })
})
