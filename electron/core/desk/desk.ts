import type { DeskState } from '../../../shared/contract/desk'
import type { DeskStore } from './desk-store'

/** The desk as the core holds it: the worker read once at start, kept current on each change. */
export interface Desk {
  state(): DeskState
  /** Saves the choice in the desk's store first; only a saved choice names anyone. */
  setWorker(name: string | null): Promise<DeskState>
}

/**
 * Opens the desk: reads its store once, so every call can name its actor without I/O.
 *
 * @example
 * const desk = await openDesk(ports.desk, 'pat')
 * desk.state().actor // 'pat' until someone is chosen
 */
export async function openDesk(store: DeskStore, fallback: string): Promise<Desk> {
  let { worker } = await store.read()
  const state = (): DeskState => ({ worker, fallback, actor: worker ?? fallback })
  return {
    state,
    async setWorker(name) {
      // The desk's other choices (its database server) stay as they are.
      await store.write({ ...(await store.read()), worker: name })
      worker = name
      return state()
    },
  }
}
