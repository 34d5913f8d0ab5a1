/** "Now" comes from here, never from `new Date()` in domain code, so tests can pin it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock stopped at one instant (SHOP_NOW, tests). */
export const fixedClock = (iso: string): Clock => {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) throw new Error(`Not an ISO instant: ${iso}`)
  return { now: () => new Date(at) }
}
