import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { unencryptedFileSecretStore } from '../../../electron/core/secrets/file-secret-store'
import { testCore } from '../../helpers/core'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the bridge and test secret store', () => {
  it('says it is unencrypted, keeps values across restarts, owner-readable only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'))
    const path = join(dir, 'shop.db.secrets.json')
    const store = unencryptedFileSecretStore(path)
    expect(store.protection).toBe('unencrypted-file')
    await Promise.all([store.set('google:1', 'a'), store.set('google:2', 'b')]) // serialised, neither lost
    expect(readFileSync(path, 'utf8')).toMatch(/UNENCRYPTED/)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0)
    const again = unencryptedFileSecretStore(path)
    expect([await again.get('google:1'), await again.get('google:2')]).toEqual(['a', 'b'])
    await again.delete('google:1')
    expect(await store.get('google:1')).toBeNull()
    expect(await store.get('missing')).toBeNull()
  })

  it('a core started without ports keeps secrets in memory only and names no browser', async () => {
    const core = await testCore()
    dir = core.dir
    expect(core.ports.secrets.protection).toBe('memory')
    await core.ports.secrets.set('k', 'v')
    expect(await core.ports.secrets.get('k')).toBe('v')
    await expect(core.ports.openExternal('https://accounts.example/auth')).resolves.toBeUndefined()
    await core.close()
  })
})
