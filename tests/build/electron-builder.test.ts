/**
 * Packaging cannot run on our build machines (no Electron binary), so the packaging
 * config is checked here: against electron-builder's own JSON schema, and for what a
 * shop's installers need.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const Ajv = require('ajv') as new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } }

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form YAML
const targets = (platform: string): string[] =>
  (config[platform].target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target))

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true)
  })

  it('builds installers for Windows (nsis), macOS (dmg) and Linux (AppImage, deb)', () => {
    expect(targets('win')).toEqual(['nsis'])
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
  })

  it('rebuilds better-sqlite3 for Electron and keeps its binary out of the asar', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/build/Release/*.node')
  })

  it('ships the built bundles that package.json points at', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    expect(pkg.main).toBe('./out/main/index.js')
    expect(config.files).toContain('out/**')
  })
})
