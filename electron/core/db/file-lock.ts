import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { AppError } from '../errors'

interface LockOwner {
  pid: number
  host: string
  since: string
}

export const lockFileOf = (dbPath: string): string => `${dbPath}.lock`

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>
    return typeof raw.pid === 'number' && typeof raw.host === 'string' ? { pid: raw.pid, host: raw.host, since: String(raw.since ?? '') } : null
  } catch {
    return null
  }
}

/**
 * One Shop Scheduler per database file. SQLite itself would let a second process in and
 * then answer "database is locked" mid-work; a lock file beside the database says who has
 * it, up front. A lock left by a process that no longer runs (a crash, a power cut) is
 * taken over, so a crash never locks the shop out.
 *
 * @example
 * const release = acquireFileLock('/data/shop.db')
 * release()
 */
export function acquireFileLock(dbPath: string, now: Date = new Date()): () => void {
  const file = lockFileOf(dbPath)
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, JSON.stringify(me))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        if (readOwner(file)?.pid === me.pid) rmSync(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(file)
      const stale = owner === null || (owner.host === me.host && !alive(owner.pid))
      if (!stale || attempt > 0) {
        const who = owner ? ` (process ${owner.pid} on ${owner.host}, since ${owner.since})` : ''
        throw new AppError(
          'in_use',
          `The database ${dbPath} is in use by another Shop Scheduler window or process${who}. Close it and start again; if nothing else runs, delete ${file}.`,
        )
      }
      rmSync(file, { force: true })
    }
  }
  throw new AppError('in_use', `The database ${dbPath} is in use by another Shop Scheduler window or process.`)
}
