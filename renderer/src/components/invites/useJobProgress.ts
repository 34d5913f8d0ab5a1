import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../../../shared/contract'

/** The latest `progress` event of one job; other jobs' events (and a previous job's) are ignored. */
export function useJobProgress(job: string | null): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  useEffect(() => {
    if (!job) return
    return window.shop.on('progress', (event) => {
      if (event.job === job) setProgress(event)
    })
  }, [job])
  return progress && progress.job === job ? progress : null
}
