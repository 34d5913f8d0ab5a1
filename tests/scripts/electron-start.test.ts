import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { electronInstalled, platformPath, StartError, type ElectronPackage } from '../../scripts/electron/electron-binary'
import { driverFile, readNodeAbi } from '../../scripts/electron/native-driver'
import { prepareElectron, startPaths, type StartPaths } from '../../scripts/electron/start'

const root = join(__dirname, '..', '..')
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
const real = startPaths(root)
const electronAbi = Number(readFileSync(join(real.electron.dir, 'abi_version'), 'utf8'))
const temps: string[] = []

/** A fresh clone's state: the electron package without dist/ or path.txt, no driver built. */
function freshInstall(): StartPaths {
  const dir = mkdtempSync(join(tmpdir(), 'shop-start-'))
  temps.push(dir)
  const electronDir = join(dir, 'electron')
  mkdirSync(electronDir)
  for (const f of ['package.json', 'abi_version', 'checksums.json']) cpSync(join(real.electron.dir, f), join(electronDir, f))
  return {
    electron: { ...real.electron, dir: electronDir },
    driver: { ...real.driver, cacheDir: join(dir, 'cache', 'electron') },
  }
}

/** What Electron's install.js leaves behind once it has extracted the download. */
function extractInto(pkg: ElectronPackage): void {
  mkdirSync(join(pkg.dir, 'dist'), { recursive: true })
  writeFileSync(join(pkg.dir, 'dist', 'version'), pkg.version)
  writeFileSync(join(pkg.dir, 'path.txt'), platformPath(pkg.platform))
  writeFileSync(join(pkg.dir, 'dist', platformPath(pkg.platform)), 'binary')
}

/** A rebuild that leaves a binary stamped with `abi`, as node-gyp would. */
function rebuildTo(abi: number) {
  return vi.fn(async (options: { buildPath: string }) => {
    const out = join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'better_sqlite3.node'), Buffer.from(`\x7fELF...node_register_module_v${abi}\0...`, 'latin1'))
  })
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('npm start on a fresh clone', () => {
  it('fetches Electron before electron-vite runs, showing progress, then reuses it offline', async () => {
    const paths = freshInstall()
    expect(electronInstalled(paths.electron)).toBe(false)
    const lines: string[] = []
    const download = vi.fn(async (_pkg: ElectronPackage, onProgress: (p: { transferred: number; total: number; percent: number }) => void) => {
      for (const percent of [0, 0.25, 0.5, 1]) onProgress({ transferred: percent * 104_857_600, total: 104_857_600, percent })
      return '/cache/electron.zip'
    })
    const extract = vi.fn(async (pkg: ElectronPackage) => extractInto(pkg))
    const deps = { download, extract, rebuild: rebuildTo(electronAbi), log: (l: string) => lines.push(l) }

    await prepareElectron(paths, deps)
    expect(download).toHaveBeenCalledTimes(1)
    expect(download.mock.calls[0]![0]).toMatchObject({ version: real.electron.version })
    expect(extract).toHaveBeenCalledTimes(1)
    expect(electronInstalled(paths.electron)).toBe(true)
    expect(lines).toContain('  50% (50 of 100 MB)')
    expect(lines).toContain('  100% (100 of 100 MB)')

    // Later starts: nothing is fetched or built again, so no network is needed.
    const offline = { ...deps, download: vi.fn(async () => Promise.reject(new TypeError('fetch failed'))), rebuild: vi.fn() }
    await prepareElectron(paths, offline)
    expect(offline.download).not.toHaveBeenCalled()
    expect(offline.rebuild).not.toHaveBeenCalled()
  })

  it('without the network says in one sentence what it needs, and stops before building anything', async () => {
    const paths = freshInstall()
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' })
    const deps = {
      download: vi.fn(async () => Promise.reject(new TypeError('fetch failed', { cause }))),
      extract: vi.fn(),
      rebuild: vi.fn(),
      log: () => {},
    }
    const failure = prepareElectron(paths, deps)
    await expect(failure).rejects.toBeInstanceOf(StartError)
    await expect(failure).rejects.toThrow(
      `Shop Scheduler needs the network once to download Electron ${real.electron.version} for ${process.platform}-${process.arch} (about 100 MB); connect this computer to the internet and run \`npm start\` again.`,
    )
    expect(deps.extract).not.toHaveBeenCalled()
    expect(deps.rebuild).not.toHaveBeenCalled()
    expect(electronInstalled(paths.electron)).toBe(false)
  })
})

describe('the database driver built for Electron', () => {
  it('reads the ABI a binary was compiled for without loading it', () => {
    expect(readNodeAbi(nodeBuild)).toBe(Number(process.versions.modules))
  })

  it('refuses a Node-ABI binary instead of stamping it as built for Electron', async () => {
    const paths = freshInstall()
    extractInto(paths.electron)
    // What node-gyp produced where npm's nodedir pointed it at the local Node headers.
    const rebuild = vi.fn(async (options: { buildPath: string }) => {
      const out = join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release')
      mkdirSync(out, { recursive: true })
      cpSync(nodeBuild, join(out, 'better_sqlite3.node'))
    })
    const failure = prepareElectron(paths, { download: vi.fn(), extract: vi.fn(), rebuild, log: () => {} })
    await expect(failure).rejects.toThrow(
      new RegExp(
        `built for this machine's Node ${process.version} \\(NODE_MODULE_VERSION ${process.versions.modules}\\), but Electron ${real.electron.version} needs NODE_MODULE_VERSION ${electronAbi}`,
      ),
    )
    expect(existsSync(driverFile(paths.driver.cacheDir))).toBe(false)
  })

  it('builds with @electron/rebuild against Electron headers, never npm’s nodedir, and keeps a checked copy', async () => {
    const paths = freshInstall()
    extractInto(paths.electron)
    process.env.npm_config_nodedir = '/usr'
    let nodedirDuringBuild: string | undefined = 'unset'
    const rebuild = rebuildTo(electronAbi)
    rebuild.mockImplementationOnce(async (options) => {
      nodedirDuringBuild = process.env.npm_config_nodedir
      await rebuildTo(electronAbi)(options)
    })
    try {
      await prepareElectron(paths, { download: vi.fn(), extract: vi.fn(), rebuild, log: () => {} })
    } finally {
      expect(process.env.npm_config_nodedir).toBe('/usr') // given back afterwards
      delete process.env.npm_config_nodedir
    }
    expect(nodedirDuringBuild).toBeUndefined()
    expect(rebuild.mock.calls[0]![0]).toMatchObject({
      electronVersion: real.electron.version,
      onlyModules: ['better-sqlite3'],
      headerURL: 'https://electronjs.org/headers',
      force: true,
    })
    expect(readNodeAbi(driverFile(paths.driver.cacheDir))).toBe(electronAbi)
    // The Node build the tests and the bridge load is untouched.
    expect(readNodeAbi(nodeBuild)).toBe(Number(process.versions.modules))
  })
})
