import { Badge } from '@mantine/core'
import type { Activity } from '../../../../shared/domain/activities'
import { useChannel } from '../data/queries'
import { needsBay } from './needs-bay'

/**
 * "Needs a bay" on open work booked without one. Rendered only for bookings that lack a bay,
 * so the bays query is read by the few events that need it, not by all 2,000 of a month.
 */
export function NeedsBayMark({ activity, compact = false }: { activity: Activity; compact?: boolean }) {
  const bays = useChannel('bays.list', {})
  if (!needsBay(activity, (bays.data?.length ?? 0) > 0)) return null
  const title = 'Booked without a bay: change the booking to give it one'
  if (!compact) {
    return (
      <Badge color="red.9" variant="outline" data-needs-bay="" title={title}>
        Needs a bay
      </Badge>
    )
  }
  return (
    <span className="shop-needs-bay" data-needs-bay="" title={title}>
      No bay
    </span>
  )
}

/** Whether `a` might need the mark at all, before asking which bays the shop has. */
export const mayNeedBay = (a: Activity): boolean => a.start !== null && a.bayId === null
