/** One injected fault; see startFakeHttp for what each mode does. */
export interface FaultRule {
  match: { method?: string; pathRegex?: string; nth?: number /* 1-based among matches */; times?: number }
  respond?: { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  mode?: 'before' | 'afterCommit' | 'dropSocket'
}

interface ArmedRule {
  rule: FaultRule
  regex: RegExp | undefined
  seen: number
  fired: number
}

/**
 * Rules are checked in the order they were added; the first one that fires wins.
 * `nth` counts matching requests from when the rule was added (default 1: the next match);
 * the rule then fires `times` times in a row (default 1) and is removed.
 */
export class FaultQueue {
  private rules: ArmedRule[] = []

  add(rule: FaultRule): void {
    if (rule.match.nth !== undefined && (!Number.isInteger(rule.match.nth) || rule.match.nth < 1)) {
      throw new Error(`fault match.nth must be an integer >= 1, got ${rule.match.nth}`)
    }
    if (rule.match.times !== undefined && (!Number.isInteger(rule.match.times) || rule.match.times < 1)) {
      throw new Error(`fault match.times must be an integer >= 1, got ${rule.match.times}`)
    }
    const regex = rule.match.pathRegex === undefined ? undefined : new RegExp(rule.match.pathRegex)
    this.rules.push({ rule, regex, seen: 0, fired: 0 })
  }

  clear(): void {
    this.rules = []
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => r.rule)
  }

  /** The rule that fires for this request, if any (and its bookkeeping advanced). */
  take(method: string, path: string): FaultRule | undefined {
    let winner: FaultRule | undefined
    for (const armed of this.rules) {
      const m = armed.rule.match
      if (m.method && m.method.toUpperCase() !== method.toUpperCase()) continue
      if (armed.regex && !armed.regex.test(path)) continue
      armed.seen += 1
      if (winner) continue
      if (armed.seen >= (m.nth ?? 1)) {
        armed.fired += 1
        winner = armed.rule
      }
    }
    this.rules = this.rules.filter((a) => a.fired < (a.rule.match.times ?? 1))
    return winner
  }
}
