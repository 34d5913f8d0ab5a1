/**
 * Work in slices of about `ms` milliseconds: `due()` says the slice is spent (a check costs
 * one clock read), `next()` starts the next one after a turn of the event loop. Slicing by
 * time rather than by row count keeps the stall short on a slow or busy machine too.
 *
 * @example
 * const slices = timeSlices(ctx.yieldToEventLoop)
 * for (const row of rows) { write(row); if (slices.due()) await slices.next() }
 */
export function timeSlices(pause: () => Promise<void>, ms = 20) {
  let started = performance.now()
  return {
    due: (): boolean => performance.now() - started >= ms,
    async next(): Promise<void> {
      await pause()
      started = performance.now()
    },
  }
}
