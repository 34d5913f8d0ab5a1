import type { DeskState } from '../../../shared/contract/desk'
import type { DatabaseInUse } from '../../../shared/domain/database-server'
import type { DeskStore } from './desk-store'

/** The database a core has open, and SHOP_DB_URL (without password) when set: it wins over the desk's choice. */
export interface DeskDatabase {
  inUse: DatabaseInUse
  environment: string | null
}

/** The desk as the core holds it: the worker read once at start, kept current on each change. */
export interface Desk {
  state(): DeskState
  /** Saves the choice in the desk's store first; only a saved choice names anyone. */
  setWorker(name: string | null): Promise<DeskState>
  /** What this core has open (it may differ from the choice below until the next start). */
  database(): DeskDatabase
  /** The server chosen for the next start (its address without password); null: the local file. */
  server(): string | null
  setServer(url: string | null): Promise<void>
}

/**
 * Opens the desk: reads its store once, so every call can name its actor without I/O.
 *
 * @example
 * const desk = await openDesk(ports.desk, 'pat')
 * desk.state().actor // 'pat' until someone is chosen
 */
export async function openDesk(
  store: DeskStore,
  fallback: string,
  database: () => DeskDatabase = () => ({ inUse: { kind: 'file', path: '' }, environment: null }),
): Promise<Desk> {
  let { worker, server } = await store.read()
  const state = (): DeskState => ({ worker, fallback, actor: worker ?? fallback })
  return {
    state,
    async setWorker(name) {
      // The desk's other choices (its database server) stay as they are.
      await store.write({ ...(await store.read()), worker: name })
      worker = name
      return state()
    },
    database,
    server: () => server,
    async setServer(url) {
      await store.write({ ...(await store.read()), server: url })
      server = url
    },
  }
}
