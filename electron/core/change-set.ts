import type { ChangedEvent, DataDomain } from '../../shared/contract'

/**
 * What one call (or one service step) changed, collected while it runs and emitted once as
 * a `changed` event after its transaction committed: never for a write that rolled back.
 */
export interface ChangeSet {
  add(...domains: DataDomain[]): void
  /** Names the rows; a domain also added without ids counts as changed anywhere. */
  addRows(domain: DataDomain, ids: Iterable<number>): void
  isEmpty(): boolean
  toEvent(): ChangedEvent
}

export function createChangeSet(): ChangeSet {
  const whole = new Set<DataDomain>()
  const rows = new Map<DataDomain, Set<number>>()
  return {
    add: (...domains) => domains.forEach((d) => whole.add(d)),
    addRows(domain, ids) {
      const set = rows.get(domain) ?? new Set<number>()
      for (const id of ids) set.add(id)
      rows.set(domain, set)
    },
    isEmpty: () => whole.size === 0 && rows.size === 0,
    toEvent() {
      const domains = [...new Set<DataDomain>([...whole, ...rows.keys()])]
      const ids: Partial<Record<DataDomain, number[]>> = {}
      for (const [domain, set] of rows) if (!whole.has(domain)) ids[domain] = [...set]
      return Object.keys(ids).length > 0 ? { domains, ids } : { domains }
    },
  }
}
