import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelNames } from '../../../shared/contract'
import { startBridge, type Bridge } from '../../../electron/bridge/server'
import { testCore, type TestCore } from '../../helpers/core'

let core: TestCore
let bridge: Bridge
beforeEach(async () => {
  core = await testCore()
  const rendererDir = join(core.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><script type="module" src="/a.js"></script></head></html>')
  // A free port: runs side by side (other test files, another checkout's run) never collide.
  bridge = await startBridge({ core, rendererDir, port: 0 })
})
afterEach(async () => {
  await bridge.close()
  await core.dispose()
})

const post = (channel: string, body: string) => fetch(`${bridge.url}/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only and refuses any other address', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await expect(startBridge({ core, rendererDir: core.dir, host: '0.0.0.0' })).rejects.toThrow(/loopback/)
    await expect(startBridge({ core, rendererDir: core.dir, host: '192.168.1.10' })).rejects.toThrow(/loopback/)
  })

  it('lists every channel with the JSON Schema of its input', async () => {
    const list = (await (await fetch(`${bridge.url}/ipc`)).json()) as Array<{ channel: string; input: { type?: string; required?: string[] } }>
    expect(list.map((c) => c.channel)).toEqual(channelNames)
    const create = list.find((c) => c.channel === 'vehicles.create')!
    expect(create.input.type).toBe('object')
    expect(create.input.required).toEqual(expect.arrayContaining(['customerId', 'vin', 'make', 'model', 'year', 'onboardingDate']))
  })

  it('answers POST /ipc/<channel> with the same envelope as IPC', async () => {
    const created = await (await post('customers.create', JSON.stringify({ name: 'Ada' }))).json()
    expect(created).toMatchObject({ ok: true, data: { id: 1, name: 'Ada' } })
    expect(await (await post('customers.create', '{"name": ""}')).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'name' }] },
    })
    expect(await (await post('customers.create', '{not json')).json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await (await post('nope.nothing', '{}')).json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('streams events to GET /events', async () => {
    const controller = new AbortController()
    const res = await fetch(`${bridge.url}/events`, { signal: controller.signal })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    await post('customers.create', JSON.stringify({ name: 'Ada' }))
    let text = ''
    while (!text.includes('event: changed')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toContain('data: {"domains":["customers"]}')
    controller.abort()
  })

  it('injects the window.shop script into the page, and serves nothing outside the renderer folder', async () => {
    const html = await (await fetch(bridge.url)).text()
    expect(html.indexOf('/__bridge/shop.js')).toBeGreaterThan(-1)
    expect(html.indexOf('/__bridge/shop.js')).toBeLessThan(html.indexOf('/a.js'))
    const script = await (await fetch(`${bridge.url}/__bridge/shop.js`)).text()
    // The same shape preload exposes: invoke over /ipc/<channel>, the contract's events, platform.
    expect(script).toContain("fetch('/ipc/' + encodeURIComponent(channel)")
    expect(script).toContain('"changed"')
    expect(script).toContain('const shop = { invoke, on, platform }')
    expect((await fetch(`${bridge.url}/..%2f..%2fshop.db`)).status).toBe(403)
  })

  it('refuses requests that name another host (DNS rebinding) or come from another site', async () => {
    const port = new URL(bridge.url).port
    const status = await new Promise<number>((resolve, reject) =>
      request({ host: '127.0.0.1', port, path: '/ipc', headers: { host: 'evil.test' } }, (res) => resolve(res.statusCode!))
        .on('error', reject)
        .end(),
    )
    expect(status).toBe(403)
    const cross = await fetch(`${bridge.url}/ipc/customers.create`, {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'content-type': 'application/json' },
      body: '{"name":"Mallory"}',
    })
    expect(cross.status).toBe(403)
    expect(await core.ok('customers.list', {})).toEqual([])
  })

  it('accepts its own origin only: the same page works, another port on loopback is refused', async () => {
    const port = Number(new URL(bridge.url).port)
    const own = await fetch(`${bridge.url}/ipc/customers.create`, {
      method: 'POST',
      headers: { origin: bridge.url, 'content-type': 'application/json' },
      body: '{"name":"Ada"}',
    })
    expect(own.status).toBe(200)
    for (const origin of [
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${port === 5173 ? 5174 : 5173}`,
      'http://127.0.0.1',
      'null',
      `https://127.0.0.1:${port}`,
    ]) {
      const other = await fetch(`${bridge.url}/ipc/customers.create`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{"name":"Mallory"}',
      })
      expect(other.status, origin).toBe(403)
    }
    const otherPortHost = await rawRequest(port, '/ipc', { host: `127.0.0.1:${port + 1}` })
    expect(otherPortHost.status).toBe(403)
    expect((await core.ok('customers.list', {})).map((c) => c.name)).toEqual(['Ada'])
  })

  it('answers a malformed URL with 400, not 500', async () => {
    const port = Number(new URL(bridge.url).port)
    for (const path of ['/ipc/%E0%A4%A', '/%ZZ', '/assets/%']) {
      const res = await rawRequest(port, path)
      expect(res.status, path).toBe(400)
    }
    expect((await rawRequest(port, 'http://evil.test/ipc')).status).toBe(400)
  })
})

function rawRequest(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number }> {
  return new Promise((resolve, reject) =>
    request({ host: '127.0.0.1', port, path, method: path.startsWith('/ipc/') ? 'POST' : 'GET', headers }, (res) => {
      res.resume()
      resolve({ status: res.statusCode! })
    })
      .on('error', reject)
      .end(),
  )
}
