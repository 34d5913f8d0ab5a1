import { join } from 'node:path'
import { chooseDatabase, serverAddress } from '../core/database/database-choice'
import type { DeskStore } from '../core/desk/desk-store'
import type { SecretStore } from '../core/secrets/secret-store'
import { resolveDbPath } from './paths'

export interface DatabaseOptions {
  dbPath: string
  dbUrl?: string
  dbPassword?: string
}

/**
 * What the desktop app opens: `--db`/SHOP_DB or the user-data file, unless SHOP_DB_URL or
 * Settings → Database (the desk file, the password from the OS-encrypted secret store) point
 * it at the shop's server. Logs where, never the password.
 */
export async function databaseOptions(deps: {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  userData: string
  desk: DeskStore
  secrets: SecretStore
  log: { info(message: string): void }
}): Promise<DatabaseOptions> {
  const dbPath = resolveDbPath(deps.argv, deps.env, deps.userData)
  const choice = await chooseDatabase({ env: deps.env, desk: deps.desk, secrets: deps.secrets })
  deps.log.info(choice.dbUrl ? `Opening the database server ${serverAddress(choice.dbUrl)}` : `Opening database ${dbPath}`)
  return { dbPath, ...choice }
}

/** The desk file beside the secrets in the user-data folder. */
export const deskFile = (userData: string): string => join(userData, 'desk.json')
