import type { Kysely } from 'kysely'
import type { Database } from './db/database'
import type { Clock } from './clock'
import type { CoreEvents } from './events'
import type { Logger } from './logger'
import type { Lock } from './lock'
import type { Ctx } from './handler'

export interface BackgroundDeps {
  db: Kysely<Database>
  lock: Lock
  clock: Clock
  log: Logger
  events: CoreEvents
  makeCtx(db: Kysely<Database>, changed: Set<string>): Ctx
}

export interface Background {
  stop(): void
}

/**
 * Work the core does by itself while it is open (e.g. marking missed activities at start
 * and at each day change). Each task registers here and is stopped on close.
 */
export async function startBackgroundTasks(_deps: BackgroundDeps): Promise<Background> {
  const stops: Array<() => void> = []
  return { stop: () => stops.forEach((stop) => stop()) }
}
