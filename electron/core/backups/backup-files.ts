import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupSummary } from '../../../shared/domain/backups'

// <prefix>-<YYYYMMDD>-<HHMMSS>-<nn>-<reason>.db: names sort in the order they were taken.
const NAME = /^(.+)-(\d{8})-(\d{6})-(\d{2})-([a-z-]+)\.db$/

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function stamp(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`
}

/** A free name for a backup taken at `at`; a second one within the same second gets the next number. */
export function nextBackupName(folder: string, prefix: string, at: Date, reason: string): string {
  const taken = existsSync(folder) ? readdirSync(folder) : []
  for (let n = 0; n < 100; n++) {
    const head = `${prefix}-${stamp(at)}-${pad(n)}-`
    if (!taken.some((f) => f.startsWith(head))) return `${head}${reason}.db`
  }
  throw new Error('More than 100 backups in one second')
}

export function parseBackupName(prefix: string, name: string): { takenAt: string; reason: string } | null {
  const m = NAME.exec(name)
  if (!m || m[1] !== prefix) return null
  const [d, t] = [m[2]!, m[3]!]
  const takenAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`
  return { takenAt, reason: m[5]! }
}

/** The backups of one database in a folder, newest first. A missing folder holds none. */
export function listBackups(folder: string, prefix: string): BackupSummary[] {
  if (!existsSync(folder)) return []
  const found: BackupSummary[] = []
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(prefix, name)
    if (!parsed) continue
    const path = join(folder, name)
    let sizeBytes = 0
    try {
      const st = statSync(path)
      if (!st.isFile()) continue
      sizeBytes = st.size
    } catch {
      continue
    }
    found.push({ name, path, sizeBytes, ...parsed })
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
}

/** Deletes the oldest backups beyond `keep`; answers what it deleted. */
export function pruneBackups(folder: string, prefix: string, keep: number): string[] {
  const old = listBackups(folder, prefix).slice(keep)
  for (const b of old) rmSync(b.path, { force: true })
  return old.map((b) => b.name)
}
