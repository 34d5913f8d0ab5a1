/**
 * The renderer's layers (docs/design.md, Renderer): `shared/time` < `shared/data` < `shared/ui`
 * (the kernel, which never imports a feature or the app frame), then `features/<feature>`, each
 * importing the kernel and only the features listed for it here, so no two features import
 * each other. App.tsx, routes.tsx and Layout.tsx compose the features.
 */
const RENDERER_FEATURES = {
  activity: ['booking', 'invites', 'sync'],
  autobook: [],
  backups: [],
  booking: [],
  calendar: ['autobook', 'booking', 'invites'],
  capacity: ['calendar'],
  customers: ['fleet-forms', 'import'],
  'day-sheet': [],
  desk: [],
  email: [],
  'fleet-forms': [],
  import: [],
  invites: ['email'],
  recovery: ['backups'],
  schedule: [],
  settings: ['backups', 'email', 'schedule', 'sync'],
  sync: [],
  today: ['email'],
  vehicles: ['fleet-forms', 'import', 'invites', 'schedule'],
}
const APP_FRAME = { regex: '^\\.\\./\\.\\./(App|routes|Layout|main)$', message: 'The app frame composes features; nothing imports it.' }
const KERNEL_RULES = {
  'shared/ui': [],
  'shared/data': ['ui'],
  'shared/time': ['ui', 'data'],
}
/**
 * The blocks, each carrying `base` too: a later block's `no-restricted-imports` replaces an
 * earlier one's for the same files, so the process-boundary restrictions ride along.
 */
export const rendererLayers = (base) => [
  ...Object.entries(KERNEL_RULES).map(([dir, above]) => ({
    files: [`renderer/src/${dir}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: base.paths,
          patterns: [
            ...base.patterns,
            { regex: '(^|/)features/', message: 'The kernel (renderer/src/shared) never imports a feature.' },
            APP_FRAME,
            ...above.map((layer) => ({ regex: `^\\.\\./${layer}/`, message: `${dir} sits below shared/${layer}.` })),
          ],
        },
      ],
    },
  })),
  ...Object.entries(RENDERER_FEATURES).map(([feature, allowed]) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: base.paths,
          patterns: [
            ...base.patterns,
            {
              // A sibling feature folder that is not in this feature's list.
              regex: `^\\.\\./(?!(${[feature, ...allowed].join('|')})/)[^./][^/]*/`,
              message: `features/${feature} may import only ${allowed.length ? allowed.map((f) => `features/${f}`).join(', ') + ' and ' : ''}renderer/src/shared (renderer/eslint-layers.js, RENDERER_FEATURES).`,
            },
            APP_FRAME,
          ],
        },
      ],
    },
  })),
]
