import { Box, Text } from '@mantine/core'
import type { DatabaseOffline } from '../../../../shared/domain/backups'
import { useDatabaseStatus } from '../../shared/data/use-database-status'
import { Notice } from '../../shared/ui/Notice'
import { browserZone, shopTimeZone } from '../../shared/time/shop-clock'
import { formatTime } from '../../shared/time/shop-time'

/** Top of every page while the shop's database server cannot be reached (the `database` event says when it goes and comes back). */
export function OfflineBanner() {
  const offline = useDatabaseStatus().data?.offline
  return offline ? <OfflineNotice offline={offline} /> : null
}

/** What the front desk is told: what still works (the screens as they are) and what waits (saving). */
export function OfflineNotice({ offline }: { offline: DatabaseOffline }) {
  const since = formatTime(offline.since, shopTimeZone() ?? browserZone())
  return (
    <Box mb="md">
      <Notice tone="error" title="The shop’s database server cannot be reached" role="alert">
        <Text size="sm">
          Since {since}. The screens show what this desk last read; changes cannot be saved until the server is back. This desk reconnects by itself and updates
          every screen. If this lasts, check that the server computer is on and this computer is on the shop’s network.
        </Text>
      </Notice>
    </Box>
  )
}
