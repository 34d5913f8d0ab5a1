import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** What one desk (one computer) keeps for itself, never in the shop's shared database. */
export interface DeskFile {
  /** The person at this desk, named in the history of every change made here; null: the OS account. */
  worker: string | null
  /**
   * The shop's PostgreSQL server this desk uses (`postgres://user@host:port/database`, never
   * with a password: that one lives in the secret store); null: the local database file.
   */
  server: string | null
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

const EMPTY: DeskFile = { worker: null, server: null }

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
        const field = (name: string): unknown =>
          typeof parsed === 'object' && parsed !== null && name in parsed ? (parsed as Record<string, unknown>)[name] : null
        const worker = field('worker')
        return { worker: typeof worker === 'string' && worker.trim() ? worker.trim().slice(0, 100) : null, server: serverUrlOrNull(field('server')) }
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

/** A stored server address as the desk may use it: a postgres URL, its password dropped; anything else is no server. */
function serverUrlOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return null
    url.password = ''
    return url.toString()
  } catch {
    return null
  }
}
