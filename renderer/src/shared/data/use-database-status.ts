import { useEffect } from 'react'
import type { DatabaseStatus } from '../../../../shared/domain/backups'
import { channelKey, queryClient, useChannel } from './queries'

/**
 * Whether the database can be used, kept current: the core announces every switch (damage
 * found, a restore, another file opened) with the `database` event.
 */
export function useDatabaseStatus() {
  const status = useChannel('database.status', {}, { staleTime: Infinity })
  useEffect(
    () =>
      window.shop.on('database', (next: DatabaseStatus) => {
        queryClient.setQueryData(channelKey('database.status', {}), next)
      }),
    [],
  )
  return status
}
