import type { Category } from '../../../../shared/domain/activity-types'

/** How each category is named and coloured everywhere in settings (the calendar has its own legend). */
export const CATEGORY_LABEL: Record<Category, string> = {
  inspection: 'Inspection',
  maintenance: 'Maintenance',
  repair: 'Repair',
  other: 'Other',
}
// Dark shades: light badges in the default shades fall below AA contrast.
export const CATEGORY_COLOR: Record<Category, string> = {
  inspection: 'indigo.9',
  maintenance: 'teal.9',
  repair: '#9c3d06',
  other: 'gray.8',
}
