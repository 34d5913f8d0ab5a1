/**
 * `npm run web`: the app in a browser, with the real core and a real database file.
 * SHOP_DB picks the file (SHOP_DB_URL or Settings → Database a PostgreSQL server instead), SHOP_PORT the port (0 = any free one), SHOP_NOW pins the clock.
 * Secrets (calendar sign-ins) go to an UNENCRYPTED file beside the database
 * (`<db>.secrets.json`, or SHOP_SECRETS): the bridge is for development and tests only. The
 * desk's worker is kept in `<db>.desk.json` (or SHOP_DESK).
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createCore } from '../core/index'
import { fixedClock, systemClock } from '../core/clock'
import { startBridge } from './server'
import { AppError } from '../core/errors'
import { unencryptedFileSecretStore } from '../core/secrets/file-secret-store'
import { fileDeskStore } from '../core/desk/desk-store'
import { chooseDatabase, serverAddress } from '../core/database/database-choice'

const dbPath = resolve(process.env.SHOP_DB ?? '.tmp/shop-web.db')
const port = Number(process.env.SHOP_PORT ?? 5180)
const host = process.env.SHOP_HOST ?? '127.0.0.1'
const clock = process.env.SHOP_NOW ? fixedClock(process.env.SHOP_NOW) : systemClock

mkdirSync(dirname(dbPath), { recursive: true })
const secretsPath = resolve(process.env.SHOP_SECRETS ?? `${dbPath}.secrets.json`)
const secrets = unencryptedFileSecretStore(secretsPath)
// This desk's worker and chosen server (SHOP_DESK overrides the path).
const desk = fileDeskStore(resolve(process.env.SHOP_DESK ?? `${dbPath}.desk.json`))
// SHOP_DB_URL, else the server chosen in Settings → Database, else the file.
const choice = await chooseDatabase({ env: process.env, desk, secrets })
const core = await createCore({
  dbPath,
  ...choice,
  clock,
  ...(process.env.SHOP_TZ ? { timeZone: process.env.SHOP_TZ } : {}),
  ports: {
    secrets,
    desk,
    // The bridge has no window to open a browser from; whoever drives it opens the URL (connect answers it too).
    openExternal: async (url) => console.log(`Open in a browser: ${url}`),
  },
}).catch((error: unknown) => {
  // E.g. the file is in use by another Shop Scheduler: say so plainly, no stack trace.
  console.error(error instanceof AppError ? error.message : error)
  process.exit(1)
})
const bridge = await startBridge({ core, rendererDir: resolve('out/renderer'), port, host }).catch(async (error) => {
  await core.close()
  throw error
})
console.log(
  `Shop Scheduler bridge on ${bridge.url} (database ${choice.dbUrl ? serverAddress(choice.dbUrl) : dbPath}${process.env.SHOP_NOW ? `, clock pinned at ${process.env.SHOP_NOW}` : ''})`,
)
console.log(`Secrets are kept UNENCRYPTED in ${secretsPath} (development bridge only)`)

const stop = async () => {
  await bridge.close()
  await core.close()
  process.exit(0)
}
// A signal handler cannot wait: a failed shutdown is reported and still ends the process.
const onSignal = () => {
  stop().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)
