/**
 * Electron's own binary, fetched by `npm start` (never by `npm install`, which stays offline-safe:
 * package.json's `allowScripts` keeps Electron's install script from running).
 *
 * The download goes through `@electron/get` (Electron's own downloader) into its usual cache,
 * with its progress printed; then Electron's own `install.js` extracts it from that cache and
 * writes `path.txt`, exactly as `npm install` would have. A later start finds it installed and
 * needs no network.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ElectronPackage {
  /** node_modules/electron */
  dir: string
  version: string
  platform: NodeJS.Platform
  arch: string
}

export interface DownloadProgress {
  transferred: number
  total: number | null
  percent: number
}

export interface ElectronBinaryDeps {
  /** Fetches the artifact into @electron/get's cache (the real one: `downloadArtifact`). */
  download(pkg: ElectronPackage, onProgress: (p: DownloadProgress) => void): Promise<string>
  /** Runs Electron's install.js, which extracts from that cache and writes path.txt. */
  extract(pkg: ElectronPackage): Promise<void>
  log(line: string): void
}

/** Where install.js puts the executable inside `dist/`, per platform (mirrors its getPlatformPath). */
export function platformPath(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'win32':
      return 'electron.exe'
    default:
      return 'electron'
  }
}

/** The same test Electron's install.js makes before it downloads anything. */
export function electronInstalled(pkg: ElectronPackage): boolean {
  try {
    const version = readFileSync(join(pkg.dir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim()
    const path = readFileSync(join(pkg.dir, 'path.txt'), 'utf8')
    return version === pkg.version && path === platformPath(pkg.platform) && existsSync(join(pkg.dir, 'dist', path))
  } catch {
    return false
  }
}

/** A start that cannot go on; its message is the one sentence the user reads. */
export class StartError extends Error {
  override name = 'StartError'
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
])

/** fetch() wraps the socket's error in `cause`; @electron/get passes it through. */
export function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
    if (e instanceof TypeError && e.message === 'fetch failed') return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

export function offlineSentence(pkg: ElectronPackage): string {
  return (
    `Shop Scheduler needs the network once to download Electron ${pkg.version} for ${pkg.platform}-${pkg.arch} ` +
    '(about 100 MB); connect this computer to the internet and run `npm start` again.'
  )
}

/**
 * Makes sure Electron's binary is there before electron-vite looks for it.
 * Resolves to true when it had to fetch it, false when it was already installed.
 *
 * @example
 * await ensureElectronBinary(pkg, realElectronBinaryDeps())
 */
export async function ensureElectronBinary(pkg: ElectronPackage, deps: ElectronBinaryDeps): Promise<boolean> {
  if (electronInstalled(pkg)) return false
  deps.log(`Downloading Electron ${pkg.version} for ${pkg.platform}-${pkg.arch} (once; later starts work offline)…`)
  let lastShown = -1
  try {
    await deps.download(pkg, ({ percent, transferred, total }) => {
      const shown = Math.floor(percent * 10) * 10
      if (shown <= lastShown) return
      lastShown = shown
      const mb = (n: number) => (n / 1_048_576).toFixed(0)
      deps.log(`  ${shown}%${total ? ` (${mb(transferred)} of ${mb(total)} MB)` : ''}`)
    })
  } catch (error) {
    if (isNetworkError(error)) throw new StartError(offlineSentence(pkg), { cause: error })
    throw new StartError(
      `Electron ${pkg.version} could not be downloaded (${error instanceof Error ? error.message : String(error)}); run \`npm start\` again.`,
      { cause: error },
    )
  }
  await deps.extract(pkg)
  if (!electronInstalled(pkg)) {
    throw new StartError(`Electron ${pkg.version} was downloaded but not installed in ${pkg.dir}; delete that folder's dist/ and run \`npm start\` again.`)
  }
  deps.log(`Electron ${pkg.version} is ready.`)
  return true
}
