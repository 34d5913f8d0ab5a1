import type { z } from 'zod'

/**
 * One channel of the contract: the schema its input must satisfy and, as a type only,
 * what it answers. The result is a phantom field so the contract stays a plain value
 * that main, preload, the bridge and the renderer can all import.
 *
 * @example
 * const ping = channel<string>()(z.object({}))
 */
export interface Channel<I extends z.ZodType, R> {
  input: I
  /** Type-level only; always undefined at run time. */
  result?: R
}

export const channel =
  <R>() =>
  <I extends z.ZodType>(input: I): Channel<I, R> => ({ input })
