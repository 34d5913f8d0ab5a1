import { describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../shared/contract'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (key: string, input: unknown) => ({ ok: true, data: { key, input } }))
const listeners = new Map<string, (...args: unknown[]) => void>()
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
  ipcRenderer: { invoke, on: (key: string, fn: (...args: unknown[]) => void) => listeners.set(key, fn) },
}))
await import('../../electron/preload/index')

type Api = {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(event: string, fn: (p: unknown) => void): () => void
  platform: { kind: string }
} & Record<string, Record<string, (input: unknown) => Promise<unknown>>>
const shop = exposed.shop as Api

describe('preload', () => {
  it('exposes window.shop with one function per channel of the contract, and nothing of ipcRenderer', () => {
    for (const name of channelNames) {
      const [domain, verb] = name.split('.') as [string, string]
      expect(typeof shop[domain]?.[verb], name).toBe('function')
    }
    expect(Object.keys(exposed)).toEqual(['shop'])
    expect(JSON.stringify(Object.keys(shop))).not.toMatch(/ipcRenderer|send|sendSync/)
    expect(shop.platform.kind).toBe('electron')
  })

  it('sends each call on its own channel key', async () => {
    await shop.vehicles!.create!({ vin: 'x' })
    expect(invoke).toHaveBeenCalledWith('shop:vehicles.create', { vin: 'x' })
  })

  it('answers an unknown channel without reaching main', async () => {
    invoke.mockClear()
    expect(await shop.invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(invoke).not.toHaveBeenCalled()
  })

  it('delivers events to listeners until they unsubscribe', () => {
    const seen: unknown[] = []
    const off = shop.on('changed', (p) => seen.push(p))
    listeners.get('shop:event')!({}, 'changed', { domains: ['vehicles'] })
    off()
    listeners.get('shop:event')!({}, 'changed', { domains: ['customers'] })
    expect(seen).toEqual([{ domains: ['vehicles'] }])
  })
})
