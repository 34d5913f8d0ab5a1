import type { SafeStorage } from 'electron'
import type { SecretStore } from '../core/secrets/secret-store'
import { jsonFileMap } from '../core/secrets/json-file-map'

/**
 * The desktop app's secret store: each value encrypted with Electron `safeStorage`
 * (Keychain, DPAPI, libsecret/kwallet) through its async API, kept base64 in a file in the
 * user-data folder. Without OS encryption it refuses to store rather than fall back to
 * plain text; a value whose key was rotated is re-encrypted when read.
 *
 * @example
 * const secrets = safeStorageSecretStore(safeStorage, join(app.getPath('userData'), 'secrets.json'))
 */
export function safeStorageSecretStore(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>,
  path: string,
): SecretStore {
  const file = jsonFileMap(path, { note: 'Values encrypted with the operating system key store (Electron safeStorage).' })

  const encrypt = async (value: string): Promise<string> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new Error(
        'This computer offers no secure key store to encrypt the sign-in with (on Linux: install and unlock a keyring such as GNOME Keyring or KWallet).',
      )
    }
    return (await safeStorage.encryptStringAsync(value)).toString('base64')
  }

  return {
    protection: 'os-encrypted',
    async get(key) {
      const stored = await file.get(key)
      if (stored === null) return null
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))
      if (shouldReEncrypt) await file.set(key, await encrypt(result))
      return result
    },
    async set(key, value) {
      await file.set(key, await encrypt(value))
    },
    delete: (key) => file.delete(key),
  }
}
