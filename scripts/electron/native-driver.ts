/**
 * better-sqlite3 for Electron's ABI, for `npm start` / `npm run dev` (packaged builds use
 * electron-builder's own rebuild). The copy in node_modules stays built for Node: the tests, the
 * bridge and the benchmarks load that one. Main passes this one to better-sqlite3 as
 * `nativeBinding` (electron/main/paths.ts).
 *
 * Built by @electron/rebuild (prebuild-install for Electron's runtime first, else node-gyp against
 * Electron's headers) in a scratch copy of the module. Hazard: where npm is configured with a
 * `nodedir` (npm hands it to scripts as npm_config_nodedir), node-gyp compiles against those local
 * Node headers whatever `--target` says and produces a Node-ABI binary; so that setting is removed
 * for the build, and the result's ABI is read from the binary and compared with Electron's before
 * anything is kept.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { StartError } from './electron-binary'

export interface NativeDriverTarget {
  /** node_modules/better-sqlite3 (its Node build stays untouched) */
  moduleDir: string
  moduleVersion: string
  electronVersion: string
  /** NODE_MODULE_VERSION Electron loads: node_modules/electron/abi_version */
  electronAbi: number
  arch: string
  platform: NodeJS.Platform
  /** Where the Electron build is kept: node_modules/.cache/shop-scheduler/electron */
  cacheDir: string
}

export interface RebuildOptions {
  buildPath: string
  electronVersion: string
  arch: string
  onlyModules: string[]
  force: boolean
  headerURL: string
  mode: 'sequential'
}

export interface NativeDriverDeps {
  /** @electron/rebuild's `rebuild` */
  rebuild(options: RebuildOptions): Promise<void>
  log(line: string): void
}

export const driverFile = (cacheDir: string): string => join(cacheDir, 'better_sqlite3.node')
const stampFile = (cacheDir: string): string => join(cacheDir, 'built-for.json')

/**
 * The NODE_MODULE_VERSION a non-N-API addon was compiled for, read from the symbol Node's
 * NODE_MODULE_INIT exports (`node_register_module_v<N>`) without loading the file; null when absent.
 */
export function readNodeAbi(file: string): number | null {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'))
  return match ? Number(match[1]) : null
}

/** Refuses a binary not built for `expected` with a sentence that says what it is instead. */
export function assertAbi(file: string, expected: number, electronVersion: string): void {
  const abi = readNodeAbi(file)
  if (abi === expected) return
  const what =
    abi === null
      ? 'has no NODE_MODULE_VERSION mark'
      : abi === Number(process.versions.modules)
        ? `was built for this machine's Node ${process.version} (NODE_MODULE_VERSION ${abi})`
        : `was built for NODE_MODULE_VERSION ${abi}`
  throw new StartError(
    `The database driver ${what}, but Electron ${electronVersion} needs NODE_MODULE_VERSION ${expected}; it was not installed. ` +
      'Check that npm is not forcing local Node headers (npm config delete nodedir) and run `npm start` again.',
  )
}

function stampOf(t: NativeDriverTarget): string {
  return JSON.stringify({
    electron: t.electronVersion,
    abi: t.electronAbi,
    betterSqlite3: t.moduleVersion,
    platform: t.platform,
    arch: t.arch,
  })
}

/** Builds (once) and checks the Electron copy of better-sqlite3. Resolves to true when it built one. */
export async function ensureNativeDriver(t: NativeDriverTarget, deps: NativeDriverDeps): Promise<boolean> {
  const target = driverFile(t.cacheDir)
  const stamp = stampFile(t.cacheDir)
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === stampOf(t)) {
    assertAbi(target, t.electronAbi, t.electronVersion)
    return false
  }
  deps.log(`Preparing the database driver for Electron ${t.electronVersion} (once)…`)
  // Inside the project, so that @electron/rebuild finds prebuild-install by walking up to node_modules.
  mkdirSync(dirname(t.cacheDir), { recursive: true })
  const work = mkdtempSync(join(dirname(t.cacheDir), 'build-'))
  const buildDir = join(t.moduleDir, 'build')
  const moduleCopy = join(work, 'node_modules', 'better-sqlite3')
  const saved = takeNodedirSettings()
  try {
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'shop-native', version: '0.0.0', dependencies: { 'better-sqlite3': t.moduleVersion } }))
    cpSync(t.moduleDir, moduleCopy, { recursive: true, filter: (src) => src !== buildDir && !src.startsWith(buildDir + sep) })
    try {
      await deps.rebuild({
        buildPath: work,
        electronVersion: t.electronVersion,
        arch: t.arch,
        onlyModules: ['better-sqlite3'],
        force: true,
        headerURL: 'https://electronjs.org/headers',
        mode: 'sequential',
      })
    } catch (error) {
      throw new StartError(
        `The database driver could not be built for Electron ${t.electronVersion} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
          'it needs the network once (and a C++ toolchain where no prebuilt driver exists); run `npm start` again.',
        { cause: error },
      )
    }
    const built = join(moduleCopy, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) throw new StartError(`Building the database driver for Electron ${t.electronVersion} produced no binary; run \`npm start\` again.`)
    assertAbi(built, t.electronAbi, t.electronVersion)
    mkdirSync(t.cacheDir, { recursive: true })
    cpSync(built, target)
    writeFileSync(stamp, stampOf(t))
    deps.log(`Database driver ready for Electron ${t.electronVersion} (NODE_MODULE_VERSION ${t.electronAbi}).`)
    return true
  } finally {
    restoreSettings(saved)
    rmSync(work, { recursive: true, force: true })
  }
}

/** npm passes its config to scripts as npm_config_* (any case); node-gyp obeys nodedir from there. */
function takeNodedirSettings(): Array<[string, string]> {
  const taken: Array<[string, string]> = []
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_config_nodedir$/i.test(key) && value !== undefined) {
      taken.push([key, value])
      delete process.env[key]
    }
  }
  return taken
}

function restoreSettings(saved: Array<[string, string]>): void {
  for (const [key, value] of saved) process.env[key] = value
}
