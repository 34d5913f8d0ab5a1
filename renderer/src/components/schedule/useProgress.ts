import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProgressEvent } from '../../../../shared/contract'

/**
 * The latest `progress` event of one long job (e.g. `schedule-all`), null until the first
 * arrives. Events of other jobs are ignored, so two dialogs never show each other's bars.
 *
 * `restart()` clears it before starting a new run: from then on only a run's opening event
 * (`done: 0`) is taken, because the previous run's last events can still be on their way
 * (they travel apart from the call's answer) and would otherwise show as the new run's.
 */
export function useProgress(job: string): [ProgressEvent | null, () => void] {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const awaitingStart = useRef(false)
  useEffect(
    () =>
      window.shop.on('progress', (event) => {
        if (event.job !== job) return
        if (awaitingStart.current) {
          if (event.done !== 0 || event.finished) return
          awaitingStart.current = false
        }
        setProgress(event)
      }),
    [job],
  )
  const restart = useCallback(() => {
    awaitingStart.current = true
    setProgress(null)
  }, [])
  return [progress, restart]
}
