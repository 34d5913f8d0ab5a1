import type { SecretStore } from './secret-store'

/** Secrets held only in this process's memory: for unit tests and a core started without a store. */
export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>()
  return {
    protection: 'memory',
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  }
}
