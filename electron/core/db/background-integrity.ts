import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Plain CommonJS, evaluated as the worker: its own read-only connection, so the full check
// (which reads every page) never holds the main process or the core's lock.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let db
try {
  const Database = require(workerData.modulePath)
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) })
  db.pragma('busy_timeout = 5000')
  const rows = db.pragma('integrity_check(20)')
  const lines = rows.map((r) => Object.values(r)[0])
  parentPort.postMessage({ ok: lines.length === 1 && lines[0] === 'ok', problem: lines.join('; ') })
} catch (e) {
  const code = e && e.code
  const damaged = code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
  parentPort.postMessage({ ok: !damaged, problem: String(e && e.message ? e.message : e), failed: !damaged })
} finally {
  if (db) db.close()
}
`

export interface IntegrityResult {
  ok: boolean
  /** What the check found; when `failed`, why it could not run. */
  problem: string
  /** The check itself could not run (e.g. the driver would not load in a worker); nothing is known. */
  failed?: boolean
}

export interface IntegrityRun {
  result: Promise<IntegrityResult>
  cancel(): Promise<void>
}

/**
 * Runs `PRAGMA integrity_check` over a database file on a worker thread.
 *
 * @example
 * const { result } = checkIntegrityInWorker('/data/shop.db')
 * if (!(await result).ok) enterRecovery()
 */
export function checkIntegrityInWorker(path: string, nativeBinding?: string): IntegrityRun {
  let modulePath: string
  try {
    modulePath = createRequire(import.meta.url).resolve('better-sqlite3')
  } catch (error) {
    return { result: Promise.resolve({ ok: true, failed: true, problem: String(error) }), cancel: async () => {} }
  }
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, path, nativeBinding } })
  worker.unref()
  const result = new Promise<IntegrityResult>((resolve) => {
    worker.once('message', (message: IntegrityResult) => resolve(message))
    worker.once('error', (error) => resolve({ ok: true, failed: true, problem: String(error) }))
    worker.once('exit', () => resolve({ ok: true, failed: true, problem: 'the check was stopped' }))
  })
  return {
    result,
    async cancel() {
      await worker.terminate()
    },
  }
}
