import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** What one desk (one computer) keeps for itself, never in the shop's shared database. */
export interface DeskFile {
  /** The person at this desk, named in the history of every change made here; null: the OS account. */
  worker: string | null
}

/**
 * Where a desk keeps its own choices. A port (`createCore({ ports: { desk } })`): the
 * desktop app keeps a file in its user-data folder, the bridge one beside the database,
 * tests one in memory. Several desks may share one database; each keeps its own worker.
 */
export interface DeskStore {
  read(): Promise<DeskFile>
  write(file: DeskFile): Promise<void>
}

const EMPTY: DeskFile = { worker: null }

/** A desk that forgets at close: the default for a core given no store. */
export function memoryDeskStore(initial: DeskFile = EMPTY): DeskStore {
  let file = { ...initial }
  return {
    read: async () => ({ ...file }),
    write: async (next) => {
      file = { ...next }
    },
  }
}

/**
 * The desk's choices in a small JSON file. A missing or unreadable file is an empty desk
 * (the OS account acts), never a failure to start; a write goes to a temporary name first
 * so a crash cannot leave half a file.
 *
 * @example
 * const desk = fileDeskStore(join(app.getPath('userData'), 'desk.json'))
 */
export function fileDeskStore(path: string): DeskStore {
  return {
    async read() {
      try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
        const worker = typeof parsed === 'object' && parsed !== null && 'worker' in parsed ? parsed.worker : null
        return { worker: typeof worker === 'string' && worker.trim() ? worker.trim().slice(0, 100) : null }
      } catch {
        return { ...EMPTY }
      }
    },
    async write(file) {
      mkdirSync(dirname(path), { recursive: true })
      const temp = `${path}.tmp`
      writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 })
      renameSync(temp, path)
    },
  }
}
