import { contextBridge, ipcRenderer } from 'electron'
import { channelNames, type ShopApi } from '../../shared/contract'

// Bundled into one CommonJS file: a sandboxed preload can require nothing but 'electron'.
const known = new Set<string>(channelNames)
const listeners = new Map<string, Set<(payload: unknown) => void>>()

ipcRenderer.on('shop:event', (_event, name: string, payload: unknown) => {
  listeners.get(name)?.forEach((listener) => listener(payload))
})

const invoke: ShopApi['invoke'] = async (channel, input) =>
  known.has(channel)
    ? ipcRenderer.invoke(`shop:${channel}`, input)
    : { ok: false, error: { code: 'unknown_channel', message: `There is no channel "${channel}".` } }

const unwrap = async <T>(promise: Promise<{ ok: boolean; data?: T; error?: { message: string } }>): Promise<T> => {
  const result = await promise
  if (!result.ok) throw new Error(result.error?.message ?? 'Refused')
  return result.data as T
}

const api: ShopApi = {
  invoke,
  on(event, listener) {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    const l = listener as (payload: unknown) => void
    set.add(l)
    return () => set.delete(l)
  },
  platform: {
    kind: 'electron',
    saveFile: (file) => unwrap(ipcRenderer.invoke('shop:platform.saveFile', file)),
    openExternal: (url) => unwrap(ipcRenderer.invoke('shop:platform.openExternal', url)),
    quit: () => unwrap(ipcRenderer.invoke('shop:platform.quit')),
    choosePath: (kind) => unwrap(ipcRenderer.invoke('shop:platform.choosePath', kind)),
    printToPdf: (suggestedName) => unwrap(ipcRenderer.invoke('shop:platform.printToPdf', suggestedName)),
  },
}

contextBridge.exposeInMainWorld('shop', api)
