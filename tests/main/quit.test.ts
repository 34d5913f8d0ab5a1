import { existsSync, statSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { closeBeforeQuit } from '../../electron/main/quit'
import { testCore } from '../helpers/core'

describe('quitting the app', () => {
  it('closes the database before the process ends, leaving no unmerged WAL behind', async () => {
    const core = await testCore()
    await core.ok('customers.create', { name: 'Ada' })
    let beforeQuit: ((e: { preventDefault(): void }) => void) | undefined
    const quit = vi.fn()
    const app = { on: (_: string, fn: typeof beforeQuit) => void (beforeQuit = fn), quit }
    closeBeforeQuit(
      app as never,
      () => core.close(),
      () => {},
    )

    const event = { preventDefault: vi.fn() }
    beforeQuit!(event)
    expect(event.preventDefault).toHaveBeenCalled() // held until the database is closed
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    const wal = `${core.dbPath}-wal`
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true)

    // The quit it then requests goes through.
    const second = { preventDefault: vi.fn() }
    beforeQuit!(second)
    expect(second.preventDefault).not.toHaveBeenCalled()

    const reopened = await testCore({ dbPath: core.dbPath })
    expect((await reopened.ok('customers.list', {})).map((c) => c.name)).toEqual(['Ada'])
    await reopened.dispose()
    await core.dispose()
  })
})
