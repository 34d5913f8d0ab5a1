/**
 * A sliding-window limiter: at most `limit` sends in any `windowMs`, counted when sent.
 * Google allows 600 requests per minute per user (docs/sync-notes.md §2); the margin
 * keeps us under it even when requests reach the server later than they left.
 */
export interface RateLimiter {
  /** Resolves when one more request may be sent, and counts it. */
  take(signal?: AbortSignal): Promise<void>
}

export function slidingWindowLimiter(opts: { limit: number; windowMs: number; marginMs?: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? (() => performance.now())
  const span = opts.windowMs + (opts.marginMs ?? 250)
  const sent: number[] = []
  let head = 0
  let queue: Promise<void> = Promise.resolve()
  const takeOne = async (signal?: AbortSignal): Promise<void> => {
    for (;;) {
      signal?.throwIfAborted()
      const t = now()
      while (head < sent.length && sent[head]! <= t - span) head += 1
      if (head > 1024) {
        sent.splice(0, head)
        head = 0
      }
      if (sent.length - head < opts.limit) {
        sent.push(t)
        return
      }
      await sleep(sent[head]! + span - t, signal)
    }
  }
  return {
    // Serialised, so waiting callers are served in order.
    take(signal) {
      const next = queue.then(() => takeOne(signal))
      queue = next.catch(() => undefined)
      return next
    },
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Exponential backoff with full jitter (a random wait up to the exponential cap), never
 * shorter than what the server asked for in `Retry-After`.
 */
export function backoffMs(attempt: number, retryAfter: number | null, opts: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const cap = Math.min(opts.capMs ?? 60_000, (opts.baseMs ?? 500) * 2 ** attempt)
  const jittered = (opts.random ?? Math.random)() * cap
  return Math.max(jittered, retryAfter ?? 0)
}
