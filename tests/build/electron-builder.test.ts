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

describe('the packaged shell', () => {
  it('flips the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, encrypted cookies, only its own checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('takes signing and notarization from the environment only: no certificate, password or Apple id in the file', () => {
    const text = readFileSync('electron-builder.yml', 'utf8')
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'appleId', 'teamId', 'identity:']) {
      expect(text).not.toContain(key)
    }
    expect(config.mac.notarize).toBe(true)
  })

  it('skips notarization cleanly when the Apple variables are absent, and names the missing one when half set', () => {
    const { MacTargetHelper } = require('app-builder-lib/out/mac/MacTargetHelper.js') as {
      MacTargetHelper: { getNotarizeOptions(appPath: string): unknown }
    }
    const names = [
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'APPLE_API_KEY',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'APPLE_KEYCHAIN',
      'APPLE_KEYCHAIN_PROFILE',
    ]
    const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]))
    try {
      names.forEach((n) => delete process.env[n])
      expect(MacTargetHelper.getNotarizeOptions('/tmp/Shop Scheduler.app')).toBeUndefined()
      process.env.APPLE_ID = 'shop@example.com'
      expect(() => MacTargetHelper.getNotarizeOptions('/tmp/Shop Scheduler.app')).toThrow(/APPLE_APP_SPECIFIC_PASSWORD/)
    } finally {
      for (const n of names) {
        if (saved[n] === undefined) delete process.env[n]
        else process.env[n] = saved[n]
      }
    }
  })
})
