import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import globals from 'globals'
import { layerZones, domainZones } from './lint/layers.js'

/** Package names only one side of the process boundary may load (the renderer is a browser). */
const electronOnly = { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may use Electron.' }
const mainProcessOnly = ['better-sqlite3', 'kysely', 'electron-log'].map((name) => ({
  name,
  message: 'A main-process package: the renderer and shared/ run without Node.',
}))
import { rendererLayers } from './renderer/eslint-layers.js'

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Resolve every import to its file, so the path rules below judge files, not spellings.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // The layering of docs/design.md ("Direction of imports"): each layer imports only the
      // layers it may, and one core domain reaches another only through its public files.
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: [...layerZones, ...domainZones] }],
      // An import that does not resolve would slip past the path rules unseen.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its rejection (and its ordering).
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React's event props are typed `() => void`; an async handler there is the idiom (its
      // errors are caught inside), so only the attribute check is off.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}', 'lint/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Migrations are frozen against `Kysely<any>` on purpose: they must not follow today's types.
    files: ['electron/core/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Packages: the installer ships `dependencies` only, so what electron/ loads at run time
    // must be there; tests, scripts, configs and the (bundled) renderer may use devDependencies.
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, includeTypes: false }] },
  },
  {
    // Electron itself is a devDependency (electron-builder provides the runtime).
    files: ['electron/**/*.ts'],
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, whitelist: ['electron'] }],
    },
  },
  {
    // The core (and the bridge, which runs it in plain Node) must never reach for Electron.
    files: ['electron/core/**/*.ts', 'electron/bridge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly] }] },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainProcessOnly, patterns: [electronOnly] }],
      'import-x/no-nodejs-modules': 'error',
    },
  },
  {
    // Sandboxed: the preload gets Electron's renderer modules and nothing of Node.
    files: ['electron/preload/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  // The renderer's feature and kernel layers (renderer/eslint-layers.js): keep this last.
  ...rendererLayers({ paths: mainProcessOnly, patterns: [electronOnly] }),
)
