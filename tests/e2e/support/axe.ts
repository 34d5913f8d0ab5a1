import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export interface A11yCheckOptions {
  /** CSS selectors to leave out, each with a reason in the calling test. */
  exclude?: string[]
  /** Only check inside this selector (e.g. an open dialog). */
  include?: string
}

// Named here, not inferred: an inferred type would point into axe-core's folder, which tsc
// refuses to name when node_modules is a link (a git worktree sharing the main checkout's).
export type A11yViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

/**
 * Runs axe (WCAG 2.x A and AA rules) on what the page shows now and fails on any serious or
 * critical violation, listing each rule with the elements at fault so the report says what
 * to fix. Minor and moderate findings are returned for a test that wants to look at them.
 *
 * @example
 * await page.goto('/#/customers')
 * await expectNoSeriousA11yViolations(page)
 */
export async function expectNoSeriousA11yViolations(page: Page, opts: A11yCheckOptions = {}): Promise<A11yViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  if (opts.include) builder = builder.include(opts.include)
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  - ${n.target.join(' ')} ${n.html.slice(0, 160)}\n    ${n.failureSummary ?? ''}`).join('\n')}`,
  )
  expect(report, `axe found serious or critical violations:\n${report.join('\n')}`).toEqual([])
  return violations.filter((v) => !serious.includes(v))
}
