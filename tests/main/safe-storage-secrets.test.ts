import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))
const { safeStorageSecretStore } = await import('../../electron/main/safe-storage-secrets')

/** A stand-in for Electron's safeStorage: "encrypts" by reversing and tagging, so plain text never reaches the file. */
function fakeSafeStorage(opts: { available?: boolean; rotate?: boolean } = {}) {
  let keyVersion = 1
  return {
    isAsyncEncryptionAvailable: vi.fn(async () => opts.available ?? true),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`v${keyVersion}:${[...plain].reverse().join('')}`)),
    decryptStringAsync: vi.fn(async (buf: Buffer) => {
      const [version, body] = buf.toString().split(/:(.*)/s) as [string, string]
      return { result: [...body].reverse().join(''), shouldReEncrypt: version !== `v${keyVersion}` }
    }),
    rotate: () => void (keyVersion += 1),
  }
}

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the desktop secret store (Electron safeStorage)', () => {
  it('keeps tokens encrypted on disk and gives them back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'))
    const path = join(dir, 'secrets.json')
    const safe = fakeSafeStorage()
    const store = safeStorageSecretStore(safe, path)
    await store.set('google:1', '{"refresh_token":"1//secret-refresh"}')
    expect(readFileSync(path, 'utf8')).not.toContain('secret-refresh')
    expect(await store.get('google:1')).toBe('{"refresh_token":"1//secret-refresh"}')
    // A second store over the same file (the next start) reads it too.
    expect(await safeStorageSecretStore(safe, path).get('google:1')).toBe('{"refresh_token":"1//secret-refresh"}')
    await store.delete('google:1')
    expect(await store.get('google:1')).toBeNull()
    expect(store.protection).toBe('os-encrypted')
  })

  it('refuses to store when the OS offers no encryption, instead of writing plain text', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'))
    const store = safeStorageSecretStore(fakeSafeStorage({ available: false }), join(dir, 'secrets.json'))
    await expect(store.set('google:1', 'token')).rejects.toThrow(/no secure key store/)
    expect(await store.get('google:1')).toBeNull()
  })

  it('re-encrypts a value read after the key was rotated', async () => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'))
    const path = join(dir, 'secrets.json')
    const safe = fakeSafeStorage()
    const store = safeStorageSecretStore(safe, path)
    await store.set('k', 'value')
    safe.rotate()
    expect(await store.get('k')).toBe('value')
    expect(safe.encryptStringAsync).toHaveBeenCalledTimes(2)
    const stored = JSON.parse(readFileSync(path, 'utf8')).values.k as string
    expect(Buffer.from(stored, 'base64').toString()).toMatch(/^v2:/)
  })
})
