import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * A small string map persisted as one JSON file, written whole to a temporary file and
 * renamed over the old one (a crash leaves the old or the new file, never half of one),
 * readable by the owner only. Writes are serialised so two `set`s never interleave.
 */
export interface JsonFileMap {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

export function jsonFileMap(path: string, header: Record<string, string>): JsonFileMap {
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn)
    queue = next.catch(() => undefined)
    return next
  }

  const load = async (): Promise<Record<string, string>> => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
    const parsed: unknown = JSON.parse(text)
    const values = typeof parsed === 'object' && parsed !== null && 'values' in parsed ? parsed.values : null
    if (typeof values !== 'object' || values === null) throw new Error(`The secrets file ${path} is not one this app wrote`)
    return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'))
  }

  const save = async (values: Record<string, string>): Promise<void> => {
    await mkdir(dirname(path), { recursive: true })
    const tmp = `${path}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify({ ...header, values }, null, 2), { mode: 0o600 })
    await rename(tmp, path)
    await chmod(path, 0o600).catch(() => undefined) // Windows has no POSIX modes
  }

  return {
    get: (key) => serial(async () => (await load())[key] ?? null),
    set: (key, value) => serial(async () => save({ ...(await load()), [key]: value })),
    delete: (key) =>
      serial(async () => {
        const values = await load()
        if (!(key in values)) return
        delete values[key]
        await save(values)
      }),
  }
}
