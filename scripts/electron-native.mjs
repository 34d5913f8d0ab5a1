#!/usr/bin/env node
/**
 * Before `npm start` / `npm run dev`: makes sure better-sqlite3 has a binary built for
 * Electron's ABI, kept apart from the one in node_modules (built for Node, which the tests,
 * the bridge and the benchmarks use). Main passes it to better-sqlite3 as `nativeBinding`.
 *
 * First it asks prebuild-install for a prebuilt binary; without one it compiles with
 * node-gyp against Electron's headers. Both need the network once; later starts reuse it.
 * (Electron itself fetches its own binary on first start.) Packaged apps do not use this:
 * electron-builder rebuilds native modules for Electron when it packages.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'

const require = createRequire(import.meta.url)
const root = dirname(dirname(new URL(import.meta.url).pathname))
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const cacheDir = join(root, 'node_modules', '.cache', 'shop-scheduler', 'electron')
const target = join(cacheDir, 'better_sqlite3.node')
const stamp = join(cacheDir, 'built-for.json')
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }

const current = existsSync(stamp) && existsSync(target) ? readFileSync(stamp, 'utf8') : ''
if (current === JSON.stringify(wanted)) process.exit(0)

console.log(`Preparing the database driver for Electron ${electronVersion} (once)…`)
const work = mkdtempSync(join(tmpdir(), 'shop-native-'))
const copy = join(work, 'better-sqlite3')
try {
  cpSync(sqliteDir, copy, { recursive: true, filter: (src) => !src.includes(`${join('build', '')}`) })
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: copy, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json', { paths: [sqliteDir] })), 'bin.js')
  const ok =
    run(process.execPath, [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]) ||
    run(process.env.npm_config_node_gyp ? process.execPath : 'npx', [
      ...(process.env.npm_config_node_gyp ? [process.env.npm_config_node_gyp] : ['--yes', 'node-gyp']),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ])
  const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
  if (!ok || !existsSync(built)) {
    console.error('Could not get better-sqlite3 for Electron. Check the network connection and try `npm start` again.')
    process.exit(1)
  }
  mkdirSync(cacheDir, { recursive: true })
  cpSync(built, target)
  writeFileSync(stamp, JSON.stringify(wanted))
  console.log(`Database driver ready: ${target}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
