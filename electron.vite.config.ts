import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    // A sandboxed preload cannot `require` anything but a few Electron modules, so it
    // must be one self-contained CommonJS file: bundle every dependency into it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified; at 4 MB that was a third of the calendar's
      // cold start (parse and compile) in tests/bench/calendar-ui.ts.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
})
