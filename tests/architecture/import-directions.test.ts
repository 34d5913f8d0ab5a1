/**
 * The layering of DESIGN.md, enforced: renderer -> shared; preload -> shared;
 * main -> core, shared; core -> shared; shared -> nothing of ours. The core runs in plain
 * Node (tests, the bridge), so it never imports Electron; the renderer never sees Node.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
type Layer = 'renderer' | 'preload' | 'main' | 'core' | 'shared'
const LAYERS: Record<Layer, string> = {
  renderer: 'renderer/src',
  preload: 'electron/preload',
  main: 'electron/main',
  core: 'electron/core',
  shared: 'shared',
}
const MAY_IMPORT: Record<Layer, Layer[]> = {
  renderer: ['renderer', 'shared'],
  preload: ['preload', 'shared'],
  main: ['main', 'core', 'shared'],
  core: ['core', 'shared'],
  shared: ['shared'],
}
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
/** Packages that only make sense on one side of the process boundary. */
const forbiddenPackage = (layer: Layer, pkg: string): string | null => {
  const name = pkg.startsWith('@') ? pkg.split('/').slice(0, 2).join('/') : pkg.split('/')[0]!
  if (name === 'electron' && !['main', 'preload'].includes(layer)) return 'Electron'
  if ((layer === 'renderer' || layer === 'shared' || layer === 'preload') && NODE.has(pkg)) return 'Node built-ins'
  if ((layer === 'renderer' || layer === 'shared') && ['better-sqlite3', 'kysely', 'electron-log'].includes(name))
    return 'main-process packages'
  return null
}

function files(dir: string): string[] {
  const abs = join(root, dir)
  return readdirSync(abs).flatMap((entry) => {
    const path = join(abs, entry)
    if (statSync(path).isDirectory()) return files(relative(root, path))
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : []
  })
}

const layerOf = (file: string): Layer | null =>
  (Object.entries(LAYERS).find(([, dir]) => relative(join(root, dir), file).split('/')[0] !== '..')?.[0] as Layer) ?? null

function violations(): string[] {
  const found: string[] = []
  for (const [layer, dir] of Object.entries(LAYERS) as Array<[Layer, string]>) {
    for (const file of files(dir)) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      for (const { fileName: spec } of importedFiles) {
        const where = `${relative(root, file)} imports '${spec}'`
        if (spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(file), spec))
          if (!target) found.push(`${where}: outside every layer`)
          else if (!MAY_IMPORT[layer].includes(target)) found.push(`${where}: ${layer} may not import ${target}`)
        } else {
          const why = forbiddenPackage(layer, spec)
          if (why) found.push(`${where}: ${layer} may not use ${why}`)
        }
      }
    }
  }
  return found
}

describe('import directions', () => {
  it('hold in every source file', () => {
    expect(violations()).toEqual([])
  })

  it('are really checked: a rule-breaking import would be found', () => {
    expect(forbiddenPackage('core', 'electron')).toBe('Electron')
    expect(forbiddenPackage('renderer', 'node:fs')).toBe('Node built-ins')
    expect(forbiddenPackage('renderer', 'better-sqlite3')).toBe('main-process packages')
    expect(forbiddenPackage('main', 'electron')).toBeNull()
    expect(MAY_IMPORT.renderer).not.toContain('core')
    expect(layerOf(join(root, 'electron/core/index.ts'))).toBe('core')
    expect(layerOf(join(root, 'renderer/src/App.tsx'))).toBe('renderer')
  })
})
