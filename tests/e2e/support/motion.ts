import { expect, type Page } from '@playwright/test'

// A string, so this Node-typed file needs no DOM types: it runs in the page. Three frames
// first, so a transition that a click has just asked for (Mantine starts one two frames after
// mounting) is already running when the page is asked; then the animations still moving.
// Endless ones (a loader, an animated progress bar) never end and are not waited for.
const MOVING = `new Promise((done) => {
  const frames = (n) => (n === 0 ? done(document.getAnimations().filter((a) => {
    if (a.playState !== 'running' && a.playState !== 'pending') return false
    const timing = a.effect ? a.effect.getComputedTiming() : null
    return !timing || timing.endTime !== Infinity
  }).length) : requestAnimationFrame(() => frames(n - 1)))
  frames(3)
})`

/**
 * Waits until nothing on the page is moving: no CSS transition or finite animation running
 * (a drawer sliding in, a toast fading in, a modal's overlay), asked twice in a row. axe reads
 * colours as they are on screen, so a check mid-fade reads half-blended text; a fixed sleep
 * is either too short on a loaded machine or wasted on an idle one.
 *
 * The configs emulate `prefers-reduced-motion: reduce`, so libraries that honour it (recharts;
 * Mantine once the theme sets `respectReducedMotion`) do not animate at all and this returns
 * at once.
 *
 * @example
 * await expect(page.getByTestId('activity-panel')).toBeVisible()
 * await settled(page)
 * await expectNoSeriousA11yViolations(page)
 */
export async function settled(page: Page, opts: { timeout?: number } = {}): Promise<void> {
  const timeout = opts.timeout ?? 5_000
  for (let i = 0; i < 2; i++) {
    await expect.poll(() => page.evaluate<number>(MOVING), { message: 'animations still running on the page', timeout, intervals: [50, 100, 200] }).toBe(0)
  }
}
