import { performance } from 'node:perf_hooks'

/**
 * Sizes the chunks of a long job by time, not count: `ics` formats 3,000 to 8,000 events/s
 * depending on the machine and its load, so a fixed count would either stall a slow
 * machine or yield needlessly often on a fast one. Each chunk aims at `budgetMs`.
 *
 * @example
 * const pace = pacer({ budgetMs: 25 })
 * const n = pace.size()                 // how many to do now
 * pace.run(n, () => formatSome(n))      // does them and learns from how long it took
 */
export function pacer(opts: { budgetMs: number; first?: number; min?: number; max?: number }) {
  const min = opts.min ?? 5
  const max = opts.max ?? 250
  let size = opts.first ?? 25
  return {
    size: () => size,
    run<T>(count: number, work: () => T): T {
      const started = performance.now()
      const result = work()
      const perItem = (performance.now() - started) / Math.max(count, 1)
      // Grow gently (a lucky fast chunk must not make the next one huge), shrink at once.
      const fits = perItem > 0 ? Math.floor(opts.budgetMs / perItem) : max
      size = Math.max(min, Math.min(max, fits, Math.ceil(size * 1.25)))
      return result
    },
  }
}
