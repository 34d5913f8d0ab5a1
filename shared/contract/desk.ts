import { z } from 'zod'
import { channel } from './define'
import { optionalText } from '../domain/common'

/** Who works at this desk: kept by the desk itself, not in the shop's (possibly shared) database. */
export interface DeskState {
  /** The person chosen at this desk, or null until someone is chosen. */
  worker: string | null
  /** Who the history names when no one is chosen: the computer's account. */
  fallback: string
  /** Who the history names now: the worker, else the fallback. */
  actor: string
}

export const deskContract = {
  'desk.get': channel<DeskState>()(z.object({})),
  /** Every change made at this desk from now on is logged under this name; null goes back to the computer's account. */
  'desk.setWorker': channel<DeskState>()(z.object({ name: optionalText(100) })),
}
