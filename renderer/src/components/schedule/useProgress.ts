import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../../../shared/contract'

/**
 * The latest `progress` event of one long job (e.g. `schedule-all`), null until the first
 * arrives. Events of other jobs are ignored, so two dialogs never show each other's bars.
 */
export function useProgress(job: string): [ProgressEvent | null, () => void] {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  useEffect(
    () =>
      window.shop.on('progress', (event) => {
        if (event.job === job) setProgress(event)
      }),
    [job],
  )
  return [progress, () => setProgress(null)]
}
