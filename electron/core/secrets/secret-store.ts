/**
 * Where the core keeps secrets (OAuth tokens). Async because the real one (Electron
 * `safeStorage`) encrypts asynchronously. Keys are the core's own names
 * (`google:<account id>`); values are opaque strings (JSON the caller encodes).
 */
export interface SecretStore {
  /** How the values are protected, shown in diagnostics so nobody mistakes a test store for the real one. */
  readonly protection: 'os-encrypted' | 'unencrypted-file' | 'memory'
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}
