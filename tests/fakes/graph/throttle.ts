/**
 * Outlook's limits per app + mailbox: at most `maxInFlight` concurrent requests, and
 * `perWindow` requests per 10 minutes (wall time). Over either → 429 with a fractional Retry-After.
 */
export class GraphThrottle {
  private inFlight = 0
  private stamps: number[] = []

  constructor(
    public maxInFlight: number,
    public perWindow: number | null,
    private readonly windowMs = 600_000,
  ) {}

  reset(): void {
    this.inFlight = 0
    this.stamps = []
  }

  /** Takes a slot and a unit of rate; answers the seconds to wait when refused. */
  enter(units = 1): { ok: true; leave: () => void } | { ok: false; retryAfterS: number } {
    if (this.inFlight >= this.maxInFlight) return { ok: false, retryAfterS: 0.25 + Math.random() * 0.75 }
    const rate = this.take(units)
    if (!rate.ok) return rate
    this.inFlight += 1
    let left = false
    return {
      ok: true,
      leave: () => {
        if (!left) this.inFlight -= 1
        left = true
      },
    }
  }

  /** Rate only (the calls inside a $batch). */
  take(units: number): { ok: true } | { ok: false; retryAfterS: number } {
    if (this.perWindow === null) return { ok: true }
    const now = Date.now()
    this.stamps = this.stamps.filter((t) => t > now - this.windowMs)
    if (this.stamps.length + units > this.perWindow) {
      const oldest = this.stamps[this.stamps.length + units - this.perWindow - 1] ?? now
      return { ok: false, retryAfterS: Math.max(0.001, (oldest + this.windowMs - now) / 1000) }
    }
    for (let i = 0; i < units; i++) this.stamps.push(now)
    return { ok: true }
  }
}
