import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

function files(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir]
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules') return []
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : []
  })
}

/** Package names a file loads at run time (type-only imports are erased, so they do not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [
    ...text.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!)
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !builtins.has(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!))
}

function importsUnder(...dirs: string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const dir of dirs)
    for (const file of files(join(root, dir))) for (const name of runtimeImports(file)) if (!found.has(name)) found.set(name, relative(root, file))
  return found
}

describe('package hygiene', () => {
  it('type-checks before every build and installer (electron-vite strips types without checking them)', () => {
    for (const name of ['build', 'dist']) expect(pkg.scripts[name], name).toMatch(/^npm run typecheck && /)
  })

  const shipped = importsUnder('electron', 'shared')

  it('declares in dependencies every package the main process loads (the installer ships only those)', () => {
    const missing = [...shipped].filter(([name]) => name !== 'electron' && !(name in pkg.dependencies))
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([])
  })

  it('keeps renderer-only and build-only packages out of dependencies (the renderer is bundled)', () => {
    const unshipped = Object.keys(pkg.dependencies).filter((name) => !shipped.has(name))
    expect(unshipped).toEqual([])
  })

  it('declares every package the tests, benchmarks and scripts import', () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies }
    const configs = readdirSync(root).filter((name) => /\.config\.(ts|js)$/.test(name))
    const used = importsUnder('tests', 'scripts', 'renderer', 'lint', ...configs)
    const missing = [...used].filter(([name]) => !(name in declared))
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([])
  })
})
