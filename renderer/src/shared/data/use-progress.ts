import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProgressEvent } from '../../../../shared/contract'

/**
 * The latest `progress` event of one long job (`schedule-all`, an export's own job id),
 * null until the first arrives or while `job` is null. Other jobs' events are ignored, so
 * two dialogs never show each other's bars.
 *
 * `restart()` clears it before a new run of a job with a fixed name: from then on only a
 * run's opening event (`done: 0`) is taken, because the previous run's last events travel
 * apart from the call's answer and could otherwise show as the new run's.
 *
 * @example
 * const [progress, restart] = useProgress('schedule-all')
 */
export function useProgress(job: string | null): [ProgressEvent | null, () => void] {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const awaitingStart = useRef(false)
  useEffect(() => {
    if (!job) return
    return window.shop.on('progress', (event) => {
      if (event.job !== job) return
      if (awaitingStart.current) {
        if (event.done !== 0 || event.finished) return
        awaitingStart.current = false
      }
      setProgress(event)
    })
  }, [job])
  const restart = useCallback(() => {
    awaitingStart.current = true
    setProgress(null)
  }, [])
  return [progress && progress.job === job ? progress : null, restart]
}
