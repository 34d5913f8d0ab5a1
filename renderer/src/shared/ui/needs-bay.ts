import type { Activity } from '../../../../shared/domain/activities'

/**
 * Open work booked without a bay (booked before every booking had to take one): it still
 * needs a bay, which moving it or changing its booking gives it. A shop without bays books
 * by its hours alone, so nothing there needs one.
 */
export const needsBay = (a: Pick<Activity, 'start' | 'bayId' | 'status'>, shopHasBays: boolean): boolean =>
  shopHasBays && a.start !== null && a.bayId === null && (a.status === 'scheduled' || a.status === 'in_progress')
