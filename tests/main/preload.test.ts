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
}
const shop = exposed.shop as Api

describe('preload', () => {
  it('exposes window.shop as invoke, on and platform only, and nothing of ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['shop'])
    expect(Object.keys(shop).sort()).toEqual(['invoke', 'on', 'platform'])
    expect(JSON.stringify(Object.keys(shop))).not.toMatch(/ipcRenderer|send|sendSync/)
    expect(shop.platform.kind).toBe('electron')
  })

  it('sends each channel of the contract on its own key', async () => {
    for (const name of channelNames) {
      invoke.mockClear()
      await shop.invoke(name, { probe: name })
      expect(invoke).toHaveBeenCalledWith(`shop:${name}`, { probe: name })
    }
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
