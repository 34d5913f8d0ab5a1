/**
 * `npm start` (`start.ts preview`) and `npm run dev` (`start.ts dev`): fetch Electron's binary and
 * build the Electron copy of the database driver when missing (both once, both need the network),
 * then hand over to electron-vite. Arguments after `--` go to the app: `npm start -- --db shop.db`.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as ElectronGet from '@electron/get'
import { ensureElectronBinary, StartError, type DownloadProgress, type ElectronBinaryDeps, type ElectronPackage } from './electron-binary'
import { ensureNativeDriver, type NativeDriverDeps, type NativeDriverTarget } from './native-driver'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface StartPaths {
  electron: ElectronPackage
  driver: NativeDriverTarget
}

/** Reads what to prepare from the installed packages. */
export function startPaths(projectRoot: string): StartPaths {
  const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { version: string }
  const electronDir = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }))
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json', { paths: [projectRoot] }))
  const electronVersion = readJson(join(electronDir, 'package.json')).version
  return {
    electron: { dir: electronDir, version: electronVersion, platform: process.platform, arch: process.arch },
    driver: {
      moduleDir,
      moduleVersion: readJson(join(moduleDir, 'package.json')).version,
      electronVersion,
      electronAbi: Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()),
      arch: process.arch,
      platform: process.platform,
      cacheDir: join(projectRoot, 'node_modules', '.cache', 'shop-scheduler', 'electron'),
    },
  }
}

/** Everything before electron-vite runs, with the outside world injected (tests mock it). */
export async function prepareElectron(paths: StartPaths, deps: ElectronBinaryDeps & NativeDriverDeps): Promise<void> {
  await ensureElectronBinary(paths.electron, deps)
  await ensureNativeDriver(paths.driver, deps)
}

/** The real downloader, installer and rebuilder. */
export function realDeps(): ElectronBinaryDeps & NativeDriverDeps {
  return {
    log: (line) => console.log(line),
    async download(pkg, onProgress) {
      // The same options Electron's install.js passes, so that it then finds the file in the cache.
      // Electron's own copy of @electron/get (the one its install.js uses).
      const get = (await import(require.resolve('@electron/get', { paths: [pkg.dir] }))) as typeof ElectronGet
      return get.downloadArtifact({
        version: pkg.version,
        artifactName: 'electron',
        platform: pkg.platform,
        arch: pkg.arch,
        cacheRoot: process.env.electron_config_cache,
        checksums:
          process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums
            ? undefined
            : (JSON.parse(readFileSync(join(pkg.dir, 'checksums.json'), 'utf8')) as Record<string, string>),
        downloadOptions: { quiet: true, getProgressCallback: async (p: DownloadProgress) => onProgress(p) },
      })
    },
    extract: (pkg) => run(process.execPath, [join(pkg.dir, 'install.js')]),
    async rebuild(options) {
      const { rebuild } = await import('@electron/rebuild')
      await rebuild(options)
    },
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env }
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: root })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

async function main(): Promise<void> {
  const [mode = 'preview', ...rest] = process.argv.slice(2)
  if (mode !== 'preview' && mode !== 'dev') throw new StartError(`Unknown start mode "${mode}" (preview or dev).`)
  await prepareElectron(startPaths(root), realDeps())
  const appArgs = rest[0] === '--' ? rest.slice(1) : rest
  const electronVite = join(dirname(require.resolve('electron-vite/package.json', { paths: [root] })), 'bin', 'electron-vite.js')
  // `preview` builds by itself first; `dev` serves the renderer with hot reload. electron-vite
  // hands ELECTRON_CLI_ARGS (a JSON array) to Electron.
  const child = spawn(process.execPath, [electronVite, mode], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ELECTRON_CLI_ARGS: JSON.stringify(appArgs) },
  })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof StartError ? error.message : error)
    process.exit(1)
  })
}
