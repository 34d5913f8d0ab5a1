import { EventEmitter } from 'node:events'
import type { EventName, Events } from '../../shared/contract'

/** The core's outgoing events, typed by the contract; main forwards them to the window, the bridge to SSE. */
export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: Events[E]): void
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

export function createEvents(): CoreEvents {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(100)
  return {
    emit: (event, payload) => void emitter.emit(event, payload),
    on(event, listener) {
      emitter.on(event, listener)
      return () => void emitter.off(event, listener)
    },
  }
}
