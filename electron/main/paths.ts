import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** `--db <file>`, `--db=<file>` or SHOP_DB, else the user-data folder's `shop-scheduler.db`. */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (i >= 0) {
    const arg = argv[i]!
    const value = arg === '--db' ? argv[i + 1] : arg.slice('--db='.length)
    if (value) return value
  }
  return env.SHOP_DB || join(userData, 'shop-scheduler.db')
}

/**
 * In development better-sqlite3 in node_modules is built for Node (tests, the bridge);
 * `scripts/electron/native-driver.ts` (run by `npm start`) keeps a second copy built for Electron's ABI here.
 * A packaged app has its modules rebuilt for Electron by electron-builder, so needs none.
 */
export function devNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const file = join(appPath, 'node_modules', '.cache', 'shop-scheduler', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
