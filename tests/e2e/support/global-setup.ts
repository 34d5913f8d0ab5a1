import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Freezes the built renderer for this run: a copy of `out/renderer` in a temp folder, which
 * every test's bridge serves (SHOP_RENDERER_DIR reaches the workers through the environment).
 * A rebuild during the run (another terminal, `npm run web`) then cannot pull the page out
 * from under a test. Returns the teardown that removes the copy.
 */
export default function globalSetup(): () => void {
  if (process.env.SHOP_RENDERER_DIR) return () => {}
  const built = resolve('out/renderer')
  if (!existsSync(join(built, 'index.html'))) {
    throw new Error('No built renderer in out/renderer: run `npm run test:e2e` (or `npx electron-vite build` first).')
  }
  const copy = mkdtempSync(join(tmpdir(), 'shop-e2e-renderer-'))
  cpSync(built, copy, { recursive: true })
  process.env.SHOP_RENDERER_DIR = copy
  return () => rmSync(copy, { recursive: true, force: true })
}
