/**
 * A desk in a process of its own, for the two-desk takeover test: opens a core on the
 * database given as the first argument, says `background` on stdout once it runs the
 * shop's background work, and then just stays open until it is killed.
 *
 * node --import tsx tests/core/desks/desk-process.ts postgres://…/shop_t_…
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../../electron/core'
import { silentLogger } from '../../../electron/core/logger'

const url = process.argv[2]
if (!url) throw new Error('Give the database URL')
const core = await createCore({
  dbPath: join(mkdtempSync(join(tmpdir(), 'shop-desk-')), 'desk.db'),
  dbUrl: url,
  log: silentLogger,
  actor: 'child desk',
  timeZone: 'UTC',
})
for (;;) {
  const holder = await core.services.background()
  if (holder.here) break
  await new Promise((resolve) => setTimeout(resolve, 200))
}
process.stdout.write(`background ${process.pid}\n`)
setInterval(() => undefined, 60_000)
