import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/** `npm run screenshots`: the `*.screens.spec.ts` specs, which save pages to .tmp/screens for a person to look at. */
export default defineConfig({
  ...base,
  testMatch: '**/*.screens.spec.ts',
  testIgnore: [],
  // A busy page takes longer to settle before its picture is taken.
  timeout: 60_000,
})
