import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** `npm run web` minus the build: the bridge's command line, as a user starts it. */
function startCli(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/bridge/cli.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = out.match(/bridge on (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) resolve(m[1]!)
    })
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => reject(new Error(`bridge exited with ${code}: ${out}`)))
  })
  return { child, url }
}

describe('npm run web', () => {
  it('prints its loopback address, uses SHOP_DB, and pins the clock with SHOP_NOW', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-cli-'))
    const { child, url } = startCli({ SHOP_DB: join(dir, 'web.db'), SHOP_PORT: '0', SHOP_NOW: '2026-03-10T15:00:00Z' })
    try {
      const base = await url
      const res = await fetch(`${base}/ipc/customers.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ada' }),
      })
      expect(await res.json()).toMatchObject({ ok: true, data: { name: 'Ada', createdAt: '2026-03-10T15:00:00.000Z' } })
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses to bind anywhere but loopback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-cli-'))
    const { url } = startCli({ SHOP_DB: join(dir, 'web.db'), SHOP_PORT: '0', SHOP_HOST: '0.0.0.0' })
    await expect(url).rejects.toThrow(/only binds to loopback/)
    rmSync(dir, { recursive: true, force: true })
  })
})
