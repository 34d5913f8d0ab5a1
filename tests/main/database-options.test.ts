import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileDeskStore } from '../../electron/core/desk/desk-store'
import { memorySecretStore } from '../../electron/core/secrets/memory-secret-store'
import { serverPasswordKey } from '../../electron/core/database/database-choice'

vi.mock('electron', () => ({}))
const { databaseOptions, deskFile } = await import('../../electron/main/database-options')

let dir: string
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'main-db-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function open(env: NodeJS.ProcessEnv, argv: string[] = ['electron', '.']) {
  const lines: string[] = []
  const secrets = memorySecretStore()
  await secrets.set(serverPasswordKey('postgres://shop@db.lan:5432/shop'), 's3cret-pw')
  const options = await databaseOptions({ argv, env, userData: dir, desk: fileDeskStore(deskFile(dir)), secrets, log: { info: (m) => void lines.push(m) } })
  return { options, log: lines.join('\n') }
}

describe('which database the desktop app opens', () => {
  it('opens the user-data file when nothing points it at a server', async () => {
    const { options, log } = await open({})
    expect(options).toEqual({ dbPath: join(dir, 'shop-scheduler.db') })
    expect(log).toContain(join(dir, 'shop-scheduler.db'))
  })

  it('opens the server chosen in Settings → Database, with the password from the secret store, and never logs it', async () => {
    writeFileSync(deskFile(dir), JSON.stringify({ worker: 'Maria', server: 'postgres://shop@db.lan:5432/shop' }))
    const { options, log } = await open({}, ['electron', '.', '--db', '/data/shop.db'])
    expect(options).toEqual({ dbPath: '/data/shop.db', dbUrl: 'postgres://shop@db.lan:5432/shop', dbPassword: 's3cret-pw' })
    expect(log).toBe('Opening the database server postgres://shop@db.lan:5432/shop')
    expect(readFileSync(deskFile(dir), 'utf8')).not.toContain('s3cret')
  })

  it('lets SHOP_DB_URL win over the setting; a password in it is used but not logged', async () => {
    writeFileSync(deskFile(dir), JSON.stringify({ worker: null, server: 'postgres://shop@db.lan:5432/shop' }))
    const { options, log } = await open({ SHOP_DB_URL: 'postgres://ops:env-pw@10.0.0.5:5433/shop2' })
    expect(options).toEqual({ dbPath: join(dir, 'shop-scheduler.db'), dbUrl: 'postgres://ops:env-pw@10.0.0.5:5433/shop2' })
    expect(log).toBe('Opening the database server postgres://ops@10.0.0.5:5433/shop2')
  })

  it('never takes a password from the desk file, even one written there by hand', async () => {
    writeFileSync(deskFile(dir), JSON.stringify({ worker: null, server: 'postgres://shop:typed-in-file@db.lan:5432/shop' }))
    const { options } = await open({})
    expect(options).toEqual({ dbPath: join(dir, 'shop-scheduler.db'), dbUrl: 'postgres://shop@db.lan:5432/shop', dbPassword: 's3cret-pw' })
  })
})
