/** A round that found too many of our events deleted at once, waiting for the user's word. */
export interface PausedDeletes {
  count: number
  total: number
  /** null: still asking. 'apply': unbook them in the next round. 'keep': put them back on the calendar. */
  decision: 'apply' | 'keep' | null
}

export function parsePausedDeletes(json: string | null): PausedDeletes | null {
  if (!json) return null
  const v = JSON.parse(json) as Partial<PausedDeletes>
  return { count: Number(v.count ?? 0), total: Number(v.total ?? 0), decision: v.decision === 'apply' || v.decision === 'keep' ? v.decision : null }
}
