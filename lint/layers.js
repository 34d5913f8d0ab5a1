/**
 * The import directions of docs/design.md ("Direction of imports"), as zones for
 * eslint-plugin-import-x's `no-restricted-paths`. Paths are relative to the repository root.
 * tests/architecture/import-directions.test.ts proves lint refuses each kind of breach.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Each layer and the layers it may import (besides packages, which lint checks apart). */
export const LAYERS = {
  'renderer/src': ['renderer/src', 'shared'],
  'electron/preload': ['electron/preload', 'shared'],
  'electron/main': ['electron/main', 'electron/core', 'shared'],
  'electron/bridge': ['electron/bridge', 'electron/core', 'shared'],
  'electron/core': ['electron/core', 'shared'],
  shared: ['shared'],
}

/**
 * Everything outside a layer's allowed folders is off limits to it (packages resolve into
 * node_modules, which every layer may reach; which packages, other rules decide).
 */
export const layerZones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: layer,
  from: '.',
  except: [...allowed, 'node_modules'].map((dir) => `./${dir}`),
  message: `${layer} may import only ${allowed.join(', ')} (docs/design.md, "Direction of imports").`,
}))

const CORE = 'electron/core'
/** Folders of the core that every domain may use whole: the database and the core's own helpers. */
export const OPEN_FOLDERS = ['db', 'shared']

/**
 * A domain's public files: what another domain may import from it. Every domain's
 * `queries.ts` (the reads others need) is public; these are the few files more.
 * Anything else in a domain folder is its own business: to share it, add it here on purpose
 * (or move it to electron/core/shared when it belongs to no domain).
 */
export const PUBLIC_FILES = {
  // Booking primitives that auto-booking and calendar sync place bookings with.
  activities: ['booking.ts', 'capacity.ts', 'edit.ts', 'read-context.ts', 'log.ts'],
  // Email delivers invites: the invite model (facts, the event, its file, its revision).
  invites: ['facts.ts', 'event-model.ts', 'ics-writer.ts', 'fingerprint.ts', 'sequence.ts', 'refusals.ts', 'issues.ts', 'filenames.ts', 'clean-text.ts'],
  // What a domain calls after changing a vehicle's data or importing many.
  schedule: ['on-vehicle-changed.ts', 'reconcile-many.ts', 'reference.ts', 'checkpointer.ts'],
  odometer: ['add-reading.ts'],
  email: ['outbox.ts'],
  // Opening the database takes a backup first and checks one before restoring it.
  backups: ['inspect-backup.ts', 'take-backup.ts'],
  sync: ['external-changes.ts'],
  secrets: ['secret-store.ts'],
  // Where this desk keeps its choice of database server (the database domain chooses it).
  desk: ['desk-store.ts'],
}

const coreFolders = readdirSync(join(import.meta.dirname, '..', CORE), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/** One zone per domain: the rest of the core's folders may import only its public files. */
export const domainZones = coreFolders
  .filter((domain) => !OPEN_FOLDERS.includes(domain))
  .map((domain) => {
    const open = ['queries.ts', ...(PUBLIC_FILES[domain] ?? [])]
    return {
      // Other folders of the core; the core's root files (index, handlers, services) compose
      // the domains and may import any of them.
      target: `${CORE}/!(${domain})/**/*`,
      from: `${CORE}/${domain}`,
      except: open.map((file) => `./${file}`),
      message: `Another domain may import only ${domain}'s public files (${open.join(', ')}); see PUBLIC_FILES in lint/layers.js.`,
    }
  })
