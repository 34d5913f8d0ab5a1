/**
 * Per-user sliding window over the last 60 s of wall time (Date.now, so a client's real
 * backoff can actually free capacity). Rejected requests are not counted.
 */
export class SlidingQuota {
  private windows = new Map<string, Array<{ at: number; units: number }>>()

  constructor(public perMinute: number | null) {}

  reset(): void {
    this.windows.clear()
  }

  /** Takes `units` if they fit; otherwise answers how many ms until they would. */
  take(user: string, units: number): { ok: true } | { ok: false; retryAfterMs: number } {
    if (this.perMinute === null) return { ok: true }
    const now = Date.now()
    const list = (this.windows.get(user) ?? []).filter((e) => e.at > now - 60_000)
    this.windows.set(user, list)
    const used = list.reduce((n, e) => n + e.units, 0)
    if (used + units <= this.perMinute) {
      list.push({ at: now, units })
      return { ok: true }
    }
    // Capacity frees as the oldest entries leave the window.
    let freed = used + units - this.perMinute
    for (const e of list) {
      freed -= e.units
      if (freed <= 0) return { ok: false, retryAfterMs: Math.max(1, e.at + 60_000 - now) }
    }
    return { ok: false, retryAfterMs: 60_000 }
  }
}
