/**
 * The fake's notion of "now": a fixed override (admin `clock`) wins, then the caller's virtual
 * clock, then the real one. Token lifetimes, testing-mode expiry and tombstone retention read it.
 */
export class FakeClock {
  private override: number | null = null
  private offsetMs = 0

  constructor(private readonly base?: () => Date) {}

  now(): Date {
    if (this.override !== null) return new Date(this.override + this.offsetMs)
    return new Date((this.base ? this.base().getTime() : Date.now()) + this.offsetMs)
  }

  nowMs(): number {
    return this.now().getTime()
  }

  /** Pin the clock to an instant (null = follow the base clock again). Resets any advance. */
  set(at: Date | null): void {
    this.override = at === null ? null : at.getTime()
    this.offsetMs = 0
  }

  advance(ms: number): void {
    this.offsetMs += ms
  }
}
