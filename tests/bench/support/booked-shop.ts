import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'
import { fixedClock } from '../../../electron/core/clock'
import { unencryptedFileSecretStore } from '../../../electron/core/secrets/file-secret-store'

export interface BookedShop {
  core: Core
  /** Answers a call's data, or throws its error. */
  ok<T>(call: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T>
  close(): Promise<void>
}

/**
 * The sync benchmarks' shop: a core pinned on Wednesday 2025-03-05 10:00 New York, pointed at
 * a provider's fake through `env`, with `count` one-hour bookings of one vehicle an hour apart
 * from Monday 2025-03-10 (seeded directly: capacity is not what these benchmarks measure).
 *
 * @example
 * const shop = await bookedShop({ prefix: 'shop-bench-sync-', count: 1000, env: { SHOP_GOOGLE_API_URL: url } })
 */
export async function bookedShop(opts: { prefix: string; count: number; env: Record<string, string> }): Promise<BookedShop> {
  const dir = mkdtempSync(join(tmpdir(), opts.prefix))
  const core = await createCore({
    dbPath: join(dir, 'shop.db'),
    clock: fixedClock('2025-03-05T15:00:00Z'),
    log: silentLogger,
    timeZone: 'America/New_York',
    ports: { secrets: unencryptedFileSecretStore(join(dir, 'secrets.json')), openExternal: async () => {} },
    env: { SHOP_SYNC_INTERVAL_S: '86400', ...opts.env },
  })
  const ok = async <T>(call: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> => {
    const result = await call
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result.data as T
  }
  const close = async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await ok(core.invoke('settings.update', { autoSchedule: false, shopAddress: '12 Main St, Springfield' }))
    const customer = await ok<{ id: number }>(core.invoke('customers.create', { name: 'Fleet Co' }))
    const vehicle = await ok<{ id: number }>(
      core.invoke('vehicles.create', {
        customerId: customer.id,
        vin: '1HGCM82633A004352',
        make: 'Ford',
        model: 'Transit',
        year: 2020,
        licensePlate: 'FLEET1',
        onboardingDate: '2025-01-02',
      }),
    )
    const type = await ok<{ id: number }>(core.invoke('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 }))
    const base = Date.parse('2025-03-10T13:00:00Z')
    const rows = Array.from({ length: opts.count }, (_, i) => {
      const start = new Date(base + i * 3_600_000).toISOString()
      return {
        vehicle_id: vehicle.id,
        activity_type_id: type.id,
        origin: 'manual' as const,
        template_id: null,
        occurrence_index: null,
        occurrence_key: null,
        due_date: start.slice(0, 10),
        start_at: start,
        end_at: new Date(base + i * 3_600_000 + 3_600_000).toISOString(),
        bay_id: null,
        technician_id: null,
        pinned: 1 as const,
        started_at: null,
        completed_at: null,
        completed_by: null,
        completion_odometer: null,
        completion_notes: null,
        cancel_reason: null,
        notes: null,
        contacted_at: null,
        created_at: '2025-03-05T15:00:00Z',
        updated_at: '2025-03-05T15:00:00Z',
      }
    })
    for (let i = 0; i < rows.length; i += 200)
      await core.db
        .insertInto('activities')
        .values(rows.slice(i, i + 200))
        .execute()
  } catch (error) {
    await close()
    throw error
  }
  return { core, ok, close }
}
