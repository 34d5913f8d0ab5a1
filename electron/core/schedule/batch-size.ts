/**
 * How many vehicles the next batch of schedule-all takes. Each batch holds the lock and the
 * main process's thread for as long as it runs, so it must stay well under 100 ms; yet each
 * commit rewrites the partly filled index pages, so fewer, larger batches persist much
 * faster. The size therefore follows the measured time of the previous batch, aiming at
 * `targetMs`: large on an idle machine, small on a busy one.
 *
 * @example
 * const size = adaptiveBatchSize()
 * size.next() // 200 first
 * size.record(200, 20) // 200 vehicles took 20 ms: the next batch may double
 */
export function adaptiveBatchSize({ first = 200, min = 25, max = 4000, targetMs = 40 } = {}) {
  let size = first
  return {
    next: (): number => size,
    record(vehicles: number, elapsedMs: number): void {
      if (vehicles < size) return // the last, short batch says nothing about speed
      const ideal = (vehicles * targetMs) / Math.max(elapsedMs, 1)
      // Grow at most twofold a step, so one lucky fast batch cannot make the next one huge.
      size = Math.round(Math.min(max, Math.max(min, Math.min(ideal, size * 2))))
    },
  }
}

/**
 * On PostgreSQL a batch mostly waits on the server, with the thread free meanwhile, and each
 * round trip costs the same whatever its size: batches start larger and never get small.
 */
export const POSTGRES_BATCHES = { first: 500, min: 250, max: 4000, targetMs: 150 }

/** The batch sizing of this dialect. */
export const batchSizeFor = (dialect: 'sqlite' | 'postgres') => adaptiveBatchSize(dialect === 'postgres' ? POSTGRES_BATCHES : {})
