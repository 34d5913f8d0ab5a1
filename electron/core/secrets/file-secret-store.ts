import type { SecretStore } from './secret-store'
import { jsonFileMap } from './json-file-map'

/**
 * UNENCRYPTED secrets in a JSON file (owner-readable only): for the loopback bridge and
 * tests, which run without Electron and so without `safeStorage`. The file says so at its
 * top, and the store reports `protection: 'unencrypted-file'`. The desktop app never uses it.
 *
 * @example
 * const secrets = unencryptedFileSecretStore('.tmp/shop-web.secrets.json')
 */
export function unencryptedFileSecretStore(path: string): SecretStore {
  const file = jsonFileMap(path, {
    warning: 'UNENCRYPTED: development/test secrets of the Shop Scheduler bridge. Never use this store in the desktop app.',
  })
  return { protection: 'unencrypted-file', ...file }
}
