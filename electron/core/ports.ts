import type { SecretStore } from './secrets/secret-store'
import { memorySecretStore } from './secrets/memory-secret-store'
import { memoryDeskStore, type DeskStore } from './desk/desk-store'

/**
 * Everything that reaches outside the process enters the core here, passed to `createCore`,
 * so the core runs in plain Node and tests swap each for a fake.
 */
export interface Ports {
  /** Where tokens live; never a plain SQLite column, never logged. */
  secrets: SecretStore
  /** Opens an http(s) URL in the system browser (OAuth consent). */
  openExternal(url: string): Promise<void>
  /** The HTTP client every provider call goes through. */
  fetch: typeof fetch
  /** This desk's own choices (who is working): a local file, never the shared database. */
  desk: DeskStore
}

/**
 * What a core gets for a port nobody passed: secrets held in memory only (gone at close,
 * so nothing unencrypted is left on disk), no browser (the URL is logged instead; the
 * connect channel answers it anyway), Node's own `fetch`, and a desk kept in memory.
 */
export function defaultPorts(log: { info(message: string): void }, given: Partial<Ports> = {}): Ports {
  return {
    secrets: given.secrets ?? memorySecretStore(),
    openExternal:
      given.openExternal ??
      (async (url) => {
        log.info(`No system browser is attached; open this address yourself: ${url}`)
      }),
    fetch: given.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    desk: given.desk ?? memoryDeskStore(),
  }
}
