/**
 * Domain folders match channel prefixes (docs/design.md, "One contract, three transports"):
 * the channels `fooBar.*` are served by `electron/core/foo-bar/handlers.ts`, so a channel's
 * name says where its handler lives. Each folder's `handlers.ts` claims only its own prefix,
 * and every channel the core serves comes from one of those maps.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { allHandlers } from '../../electron/core/handlers'

const core = resolve(__dirname, '../../electron/core')

/**
 * Folders whose handlers serve another prefix than their name, each with why. Keep this
 * short: a new entry needs a reason the folder cannot simply be named after its channels.
 */
const PREFIX_EXCEPTIONS: Record<string, string> = {}

const camelCase = (folder: string): string => folder.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
const prefixOf = (channel: string): string => channel.slice(0, channel.indexOf('.'))

const handlerFolders = readdirSync(core, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(core, entry.name, 'handlers.ts')))
  .map((entry) => entry.name)
  .sort()

/** Every channel the handler maps exported by a folder's handlers.ts claim. */
async function channelsOf(folder: string): Promise<string[]> {
  const exports: Record<string, unknown> = await import(pathToFileURL(join(core, folder, 'handlers.ts')).href)
  const maps = Object.values(exports).filter(
    (value): value is Record<string, unknown> =>
      typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).some((k) => k.includes('.')),
  )
  return maps.flatMap((map) => Object.keys(map))
}

describe('core domain folders match channel prefixes', () => {
  it('finds the domain folders that serve channels', () => {
    expect(handlerFolders).toEqual(expect.arrayContaining(['bays', 'clock', 'closures', 'database', 'hours', 'technicians', 'activity-types', 'vehicles']))
  })

  it.each(handlerFolders)('%s/handlers.ts claims only its own prefix', async (folder) => {
    const prefix = PREFIX_EXCEPTIONS[folder] ?? camelCase(folder)
    const channels = await channelsOf(folder)
    expect(channels.length, `${folder}/handlers.ts exports no handler map`).toBeGreaterThan(0)
    expect(channels.filter((c) => prefixOf(c) !== prefix)).toEqual([])
  })

  it('serves every channel from the handlers.ts of the folder its prefix names', async () => {
    const claimed = (await Promise.all(handlerFolders.map(channelsOf))).flat()
    expect(claimed.sort()).toEqual([...allHandlers().keys()].sort())
  })

  it('lists only exceptions that still exist', () => {
    for (const folder of Object.keys(PREFIX_EXCEPTIONS)) expect(handlerFolders).toContain(folder)
  })
})
