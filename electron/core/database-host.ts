import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { BackupDetails, BackupList, BackupSettings, DatabaseProblemCode, DatabaseStatus, RestoreResult } from '../../shared/domain/backups'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { Lock } from './lock'
import type { Connection } from './db/connection'
import type { Invoke } from './invoke'
import type { ServiceRegistry } from './services'
import { dataDomains } from '../../shared/contract'
import { AppError, notFound } from './errors'
import { acquireFileLock } from './db/file-lock'
import { openDatabase } from './db/open-database'
import { checkIntegrityInWorker, type IntegrityRun } from './db/background-integrity'
import { backupPrefixOf, readBackupSettings, writeBackupSettings } from './backups/backup-settings'
import { listBackups } from './backups/backup-files'
import { inspectBackup } from './backups/inspect-backup'
import { takeBackup } from './backups/take-backup'

/** The database file as a whole, as handlers see it (`ctx.database`). */
export interface DatabaseHost {
  status(): Promise<DatabaseStatus>
  list(): BackupList
  backup(reason: string): Promise<BackupDetails>
  inspect(name: string): BackupDetails
  restore(name: string): Promise<RestoreResult>
  configure(input: { keep?: number | undefined; folder?: string | null | undefined }): BackupSettings
  open(path: string): Promise<DatabaseStatus>
}

export interface Problem {
  code: DatabaseProblemCode
  message: string
}

/** What a session (one open file, or one refused file) gives the host. */
export interface Session {
  connection: Connection | null
  problem: Problem | null
  /** The gate for this file: every channel when open, only the recovery channels when refused. */
  invoke: Invoke
  /** The background services on this file; null in recovery. */
  services: ServiceRegistry | null
  /** Starts the services; called outside the lock, since their first steps take it. */
  start(): Promise<void>
  /** Stops the services; called outside the lock, since a running step may be waiting for it. */
  stop(): Promise<void>
}

export interface HostDeps {
  path: string
  clock: Clock
  log: Logger
  events: CoreEvents
  lock: Lock
  timeZone: string
  nativeBinding?: string
  /** Builds what runs on an open connection (the gate, the services, not yet started); called for every file opened. */
  createSession(connection: Connection | null, problem: Problem | null): Session
  /** Delay before the full integrity check starts; tests run it by hand. */
  integrityDelayMs?: number
}

export interface Host extends DatabaseHost {
  current(): Session
  path(): string
  /** Opens the first file; throws an `in_use` AppError when another process has it. */
  start(): Promise<void>
  /** Runs the full integrity check now (start runs it in the background); answers whether the file is sound. */
  checkIntegrity(): Promise<boolean>
  /** The backup bulk work takes first (`ctx.backupBefore`); null where the server keeps its own. */
  backupBefore(reason: string): Promise<BackupDetails | null>
  /** Damage found while running: stop writing, switch to recovery. */
  enterRecovery(problem: Problem): Promise<void>
  close(): Promise<void>
}

const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-')

/**
 * Owns which file is open and in which mode. Every switch (restore, another file, damage
 * found) happens under the core's lock, so no call is half-way through when the connection
 * changes, and is announced with the `database` event so the screens re-read their state.
 */
export function createDatabaseHost(deps: HostDeps): Host {
  let path = resolve(deps.path)
  let session: Session | null = null
  let release: (() => void) | null = null
  let integrity: IntegrityRun | null = null
  let integrityTimer: NodeJS.Timeout | null = null
  let checking = false

  const now = () => deps.clock.now()
  const open = () => session!

  async function closeSession(): Promise<void> {
    if (integrityTimer) clearTimeout(integrityTimer)
    integrityTimer = null
    await integrity?.cancel()
    integrity = null
    checking = false
    const s = session
    session = null
    await s?.connection?.close()
  }

  /** Under the lock: opens (or refuses) the file and builds its session; `start` it after the lock is released. */
  async function openSession(target: string): Promise<void> {
    const outcome = await openDatabase({ path: target, nativeBinding: deps.nativeBinding, now, timeZone: deps.timeZone, log: deps.log })
    if (outcome.kind === 'open') {
      if (outcome.migrated.length > 0) deps.log.info(`Applied migrations: ${outcome.migrated.join(', ')}`)
      session = deps.createSession(outcome.connection, null)
      scheduleIntegrityCheck()
    } else {
      deps.log.error(`The database ${target} is refused (${outcome.code}): ${outcome.message}`)
      session = deps.createSession(null, { code: outcome.code, message: outcome.message })
    }
  }

  function scheduleIntegrityCheck(): void {
    checking = true
    integrityTimer = setTimeout(() => void checkIntegrity(), deps.integrityDelayMs ?? 2000)
    integrityTimer.unref()
  }

  async function checkIntegrity(): Promise<boolean> {
    if (integrityTimer) clearTimeout(integrityTimer)
    integrityTimer = null
    if (!session?.connection) return false
    checking = true
    const run = checkIntegrityInWorker(path, deps.nativeBinding)
    integrity = run
    const result = await run.result
    if (integrity !== run) return true // the session changed meanwhile; its own check decides
    integrity = null
    checking = false
    if (result.failed) {
      deps.log.warn(`The full integrity check could not run: ${result.problem}`)
      return true
    }
    if (result.ok) return true
    deps.log.error(`The database ${path} failed its integrity check: ${result.problem}`)
    await enterRecovery({
      code: 'damaged',
      message: `The database ${path} is damaged, so nothing more is written to it. Restore the latest good backup, open another file, or quit. The damaged file is kept as it is.`,
    })
    return false
  }

  async function announce(): Promise<void> {
    deps.events.emit('database', await status())
    // Every read on screen shows data of the file that was just swapped.
    deps.events.emit('changed', { domains: [...dataDomains] })
  }

  async function enterRecovery(problem: Problem): Promise<void> {
    if (!session?.connection) return
    await session.stop()
    await deps.lock.run(async () => {
      if (!session?.connection) return
      await closeSession()
      session = deps.createSession(null, problem)
    })
    await announce()
  }

  /**
   * Switches files: the services stop first (outside the lock: a step of theirs may be
   * queued for it), the switch runs under the lock, the new file's services start after.
   * Should the switch fail half-way, the path is opened again so the app is never left without a session.
   */
  async function switchFiles<T>(swap: () => Promise<T>): Promise<T> {
    await open().stop()
    try {
      return await deps.lock.run(swap)
    } catch (error) {
      if (!session) await deps.lock.run(() => openSession(path)).catch((e: unknown) => deps.log.error('Reopening the database failed', e))
      throw error
    } finally {
      await session?.start()
    }
  }

  function settings() {
    return readBackupSettings(path)
  }

  function find(name: string) {
    const found = listBackups(settings().effectiveFolder, backupPrefixOf(path)).find((b) => b.name === name)
    if (!found) throw notFound('Backup', name)
    return found
  }

  async function status(): Promise<DatabaseStatus> {
    const s = open()
    let latestGoodBackup: BackupDetails | null = null
    if (s.problem) {
      for (const b of listBackups(settings().effectiveFolder, backupPrefixOf(path))) {
        const details = inspectBackup(b, deps.nativeBinding)
        if (details.ok) {
          latestGoodBackup = details
          break
        }
      }
    }
    return { mode: s.problem ? 'recovery' : 'normal', path, problem: s.problem, latestGoodBackup, checking }
  }

  function refusedNow(): AppError {
    const p = open().problem!
    return new AppError(p.code, p.message)
  }

  async function backup(reason: string): Promise<BackupDetails> {
    const taken = await deps.lock.run(() => {
      const connection = open().connection
      // The file's host only ever opens the file, so its raw handle is there.
      if (!connection?.sqlite) throw refusedNow()
      return takeBackup(connection.sqlite, { dbPath: path, reason, now: now(), nativeBinding: deps.nativeBinding })
    })
    // The list in Settings → Backups shows it (a daily one too) without a reload.
    deps.events.emit('changed', { domains: ['backups'] })
    return taken
  }

  /** Moves a refused file (and its WAL) aside under a telling name; it is never overwritten. */
  function moveAside(code: DatabaseProblemCode): string {
    const aside = `${path}.${code === 'damaged' ? 'damaged' : code}-${stampOf(now())}`
    renameSync(path, aside)
    for (const ext of ['-wal', '-shm']) if (existsSync(path + ext)) renameSync(path + ext, aside + ext)
    return aside
  }

  async function restore(name: string): Promise<RestoreResult> {
    const chosen = inspectBackup(find(name), deps.nativeBinding)
    if (!chosen.ok) throw new AppError('refused', chosen.problem ?? 'This backup cannot be restored.')
    // The chosen backup is copied first: the safety backup below may prune old ones.
    const incoming = `${path}.restoring`
    rmSync(incoming, { force: true })
    const source = new SqliteDatabase(chosen.path, {
      readonly: true,
      fileMustExist: true,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    })
    try {
      await source.backup(incoming)
    } finally {
      source.close()
    }
    let safetyBackup: RestoreResult['safetyBackup'] = null
    try {
      if (open().connection) safetyBackup = await backup('before-restore')
    } catch (error) {
      rmSync(incoming, { force: true })
      throw error
    }
    const result = await switchFiles(async () => {
      const problem = open().problem
      await closeSession()
      const movedAside = problem && existsSync(path) ? moveAside(problem.code) : null
      // A WAL left beside the file would be replayed onto the restored one.
      for (const ext of ['-wal', '-shm']) rmSync(path + ext, { force: true })
      renameSync(incoming, path)
      await openSession(path)
      return { restored: chosen, safetyBackup, movedAside }
    })
    deps.log.info(
      `Restored ${chosen.path} into ${path}${result.safetyBackup ? ` (the previous file is backed up as ${result.safetyBackup.path})` : ''}${result.movedAside ? ` (the refused file was moved to ${result.movedAside})` : ''}`,
    )
    await announce()
    return result
  }

  async function openOther(target: string): Promise<DatabaseStatus> {
    if (!isAbsolute(target))
      throw new AppError('invalid_input', 'Give the full path of the database file.', [{ path: 'path', message: 'Give the full path of the database file' }])
    const next = resolve(target)
    if (next === path) throw new AppError('refused', 'That is the file open now.')
    if (!existsSync(dirname(next))) throw new AppError('not_found', `The folder ${dirname(next)} does not exist.`)
    const nextRelease = acquireFileLock(next, now())
    await switchFiles(async () => {
      await closeSession()
      release?.()
      release = nextRelease
      path = next
      await openSession(path)
    })
    deps.log.info(`Opened the database ${path}`)
    await announce()
    return status()
  }

  return {
    current: open,
    path: () => path,
    async start() {
      release = acquireFileLock(path, now())
      try {
        await openSession(path)
        await session!.start()
      } catch (error) {
        release()
        release = null
        throw error
      }
    },
    checkIntegrity,
    enterRecovery,
    status,
    list: () => ({ ...settings(), backups: listBackups(settings().effectiveFolder, backupPrefixOf(path)) }),
    backup,
    backupBefore: backup,
    inspect: (name) => inspectBackup(find(name), deps.nativeBinding),
    restore,
    configure(input) {
      const current = settings()
      const folder = input.folder === undefined ? current.folder : input.folder ? input.folder : null
      if (folder !== null) {
        if (!isAbsolute(folder))
          throw new AppError('invalid_input', 'Give the full path of the folder.', [{ path: 'folder', message: 'Give the full path of the folder' }])
        try {
          mkdirSync(folder, { recursive: true })
        } catch (error) {
          throw new AppError('invalid_input', `The folder cannot be used: ${error instanceof Error ? error.message : String(error)}`, [
            { path: 'folder', message: 'This folder cannot be used' },
          ])
        }
      }
      return writeBackupSettings(path, { keep: input.keep ?? current.keep, folder })
    },
    open: openOther,
    async close() {
      await session?.stop()
      await deps.lock.run(async () => {
        await closeSession()
        release?.()
        release = null
      })
    },
  }
}
