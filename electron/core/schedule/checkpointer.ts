import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type SqliteDatabase from 'better-sqlite3'
import type { Ctx } from '../handler'

/**
 * Copies the write-ahead log into the database file on a worker thread.
 *
 * Why: SQLite checkpoints by itself at the end of a commit once the log passes 1,000 pages,
 * synchronously, on the thread that committed. A schedule-all transaction writes a few
 * thousand pages, so every commit also copied them, holding the main process for 50–190 ms
 * on these machines. With the automatic checkpoint off for the run and this worker doing it
 * on its own connection (WAL lets a checkpoint run beside a writer), commits took 20–60 ms.
 */
export interface Checkpointer {
  /** Checkpoints what is committed so far; resolves when done, never rejects. */
  checkpoint(): Promise<void>
  /** Ends the worker and its connection. */
  close(): Promise<void>
}

// Plain CommonJS, evaluated as the worker: nothing for a bundler to miss.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.modulePath)
const db = new Database(workerData.path, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
db.pragma('busy_timeout = 5000')
parentPort.postMessage('ready')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // A busy database only means this checkpoint is left to the next one.
  }
  parentPort.postMessage('done')
})
`

const READY_TIMEOUT_MS = 5000

/**
 * Starts a checkpoint worker for the database of `sqlite`, or answers undefined when there
 * cannot be one (an in-memory database, no WAL, or the driver failing to load in a worker,
 * e.g. inside Electron without its native binding): the caller then leaves SQLite's
 * automatic checkpoint on.
 *
 * @example
 * const checkpointer = await startCheckpointer(ctx.sqlite)
 * await checkpointer?.checkpoint()
 * await checkpointer?.close()
 */
export async function startCheckpointer(sqlite: SqliteDatabase.Database, nativeBinding?: string): Promise<Checkpointer | undefined> {
  if (sqlite.memory || !sqlite.name) return undefined
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return undefined
  let modulePath: string
  try {
    modulePath = createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return undefined
  }
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, path: sqlite.name, nativeBinding } })
  let alive = true
  let onReply: (() => void) | undefined
  const stop = () => {
    alive = false
    onReply?.()
    onReply = undefined
  }
  worker.on('error', stop)
  worker.on('exit', stop)

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)
    worker.once('message', () => {
      clearTimeout(timer)
      resolve(true)
    })
    worker.once('exit', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
  if (!ready || !alive) {
    await worker.terminate()
    return undefined
  }
  worker.on('message', () => {
    const reply = onReply
    onReply = undefined
    reply?.()
  })

  const request = (): Promise<void> =>
    alive
      ? new Promise<void>((resolve) => {
          onReply = resolve
          worker.postMessage('checkpoint')
        })
      : Promise.resolve()

  // One checkpoint at a time; asks made while one runs are served by a single next one.
  let chain: Promise<void> = Promise.resolve()
  let queued = false
  return {
    checkpoint() {
      if (queued) return chain
      queued = true
      chain = chain.then(() => {
        queued = false
        return request()
      })
      return chain
    },
    async close() {
      await chain
      if (!alive) return
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('close')
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 1000))])
      if (alive) await worker.terminate()
    },
  }
}

/**
 * The checkpoint policy of one schedule-all run. `start` launches the worker; once it is up,
 * `duringTransaction` (called under the lock) switches SQLite's automatic checkpoint off,
 * and from then on `afterCommit` has the worker checkpoint after every commit instead.
 * `finish` checkpoints what is left, switches the automatic checkpoint back on and ends the
 * worker. Without a worker nothing changes: SQLite keeps checkpointing by itself.
 *
 * @example
 * const checkpoints = checkpointOffThread(ctx)
 * void checkpoints.start()
 * try { ...; checkpoints.afterCommit() } finally { await checkpoints.finish() }
 */
export function checkpointOffThread(ctx: Pick<Ctx, 'sqlite' | 'batch' | 'log' | 'nativeBinding'>) {
  let starting: Promise<Checkpointer | undefined> | undefined
  let worker: Checkpointer | undefined
  let active = false
  let previous = 1000
  return {
    /** Resolves once the worker is up (or known not to come); nothing needs to wait for it. */
    start(): Promise<unknown> {
      // PostgreSQL has no WAL file of ours to checkpoint: nothing to do there.
      starting ??= (ctx.sqlite ? startCheckpointer(ctx.sqlite, ctx.nativeBinding) : Promise.resolve(undefined))
        .catch(() => undefined)
        .then((checkpointer) => (worker = checkpointer))
      return starting
    },
    /** Only under the lock: the connection is shared with every other call. */
    duringTransaction(): void {
      if (active || !worker || !ctx.sqlite) return
      previous = Number(ctx.sqlite.pragma('wal_autocheckpoint', { simple: true }))
      ctx.sqlite.pragma('wal_autocheckpoint = 0')
      active = true
    },
    afterCommit(): void {
      if (active) void worker?.checkpoint()
    },
    async finish(): Promise<void> {
      const checkpointer = starting ? await starting : undefined
      if (!checkpointer) return
      try {
        if (active) await checkpointer.checkpoint()
      } finally {
        if (active) {
          await ctx
            .batch(async () => void ctx.sqlite?.pragma(`wal_autocheckpoint = ${previous}`))
            .catch((error: unknown) => ctx.log.error('Could not switch the automatic checkpoint back on', error))
        }
        await checkpointer.close()
      }
    },
  }
}
