/**
 * The layering of docs/design.md is enforced by lint (eslint.config.js, lint/layers.js), so
 * `npm run lint` checks every source file. This test proves the rules really bite: it lints
 * one-line probes, as if they were files in each layer, and expects each breach refused
 * and each allowed direction left alone (a rule that never fires would pass lint silently).
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
/** Only the rules that carry the layering; the probes are not real files, so no type information. */
const LAYER_RULES = new Set([
  'import-x/no-restricted-paths',
  'import-x/no-unresolved',
  'import-x/no-nodejs-modules',
  'import-x/no-extraneous-dependencies',
  'no-restricted-imports',
])
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
})

/** The rules that refuse `import '<spec>'` written in `file` (empty: allowed). */
async function refusedBy(file: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${spec}'\n`, { filePath: resolve(root, file) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('import directions (lint)', () => {
  it.each([
    ['renderer/src/probe.ts', '../../electron/core/index', 'import-x/no-restricted-paths'],
    ['renderer/src/probe.ts', '../../electron/main/window', 'import-x/no-restricted-paths'],
    ['renderer/src/probe.ts', 'node:fs', 'import-x/no-nodejs-modules'],
    ['renderer/src/probe.ts', 'better-sqlite3', 'no-restricted-imports'],
    ['renderer/src/probe.ts', 'electron', 'no-restricted-imports'],
    ['shared/probe.ts', '../electron/core/errors', 'import-x/no-restricted-paths'],
    ['shared/probe.ts', '../renderer/src/shared/data/shop', 'import-x/no-restricted-paths'],
    ['shared/probe.ts', 'kysely', 'no-restricted-imports'],
    ['electron/preload/probe.ts', '../core/errors', 'import-x/no-restricted-paths'],
    ['electron/preload/probe.ts', 'node:path', 'import-x/no-nodejs-modules'],
    ['electron/main/probe.ts', '../bridge/server', 'import-x/no-restricted-paths'],
    ['electron/main/probe.ts', '../../renderer/src/shared/data/shop', 'import-x/no-restricted-paths'],
    ['electron/core/probe.ts', 'electron', 'no-restricted-imports'],
    ['electron/core/probe.ts', 'electron/main', 'no-restricted-imports'],
    ['electron/core/probe.ts', '../main/window', 'import-x/no-restricted-paths'],
    ['electron/core/probe.ts', '../preload/index', 'import-x/no-restricted-paths'],
    ['electron/core/probe.ts', '../bridge/server', 'import-x/no-restricted-paths'],
    ['electron/core/probe.ts', '../../tests/helpers/core', 'import-x/no-restricted-paths'],
    ['electron/bridge/probe.ts', 'electron', 'no-restricted-imports'],
    ['electron/bridge/probe.ts', '../main/window', 'import-x/no-restricted-paths'],
    // One domain reaching into another's internals.
    ['electron/core/autobook/probe.ts', '../activities/free-slots', 'import-x/no-restricted-paths'],
    ['electron/core/sync/google/probe.ts', '../../vehicles/handlers', 'import-x/no-restricted-paths'],
    // Runtime code ships with `dependencies` only.
    ['electron/core/probe.ts', 'react', 'import-x/no-extraneous-dependencies'],
    ['electron/main/probe.ts', 'vitest', 'import-x/no-extraneous-dependencies'],
    // An import lint cannot resolve would slip past the path rules.
    ['electron/core/probe.ts', './no-such-file', 'import-x/no-unresolved'],
  ])('%s may not import %s', async (file, spec, rule) => {
    expect(await refusedBy(file, spec)).toContain(rule)
  })

  it.each([
    ['renderer/src/probe.ts', '../../shared/contract'],
    ['renderer/src/probe.ts', 'react'],
    ['electron/preload/probe.ts', '../../shared/contract'],
    ['electron/preload/probe.ts', 'electron'],
    ['electron/main/probe.ts', '../core/index'],
    ['electron/main/probe.ts', 'electron'],
    ['electron/bridge/probe.ts', '../core/index'],
    ['electron/core/probe.ts', './activities/free-slots'],
    ['electron/core/probe.ts', 'node:fs'],
    ['electron/core/autobook/probe.ts', '../activities/capacity'],
    ['electron/core/autobook/probe.ts', '../vehicles/queries'],
    ['electron/core/autobook/probe.ts', '../db/database'],
    ['electron/core/autobook/probe.ts', '../shared/like'],
    ['electron/core/autobook/probe.ts', './propose'],
    ['electron/core/sync/google/probe.ts', '../handlers'],
    ['tests/core/probe.ts', '../../electron/core/activities/free-slots'],
    ['tests/core/probe.ts', 'vitest'],
  ])('%s may import %s', async (file, spec) => {
    expect(await refusedBy(file, spec)).toEqual([])
  })
})
