/**
 * What a `changed` event can name: the kinds of data the core stores. A write says which
 * of them it touched (and, where it knows, which rows); each open page refreshes only the
 * reads that show one of them.
 */
export const dataDomains = [
  'customers',
  'vehicles',
  'odometer',
  'activities',
  'activityTypes',
  'templates',
  'settings',
  'hours',
  'closures',
  'bays',
  'technicians',
  'invites',
  'sync',
  'backups',
  // This desk's own file (its worker), not the shop's database.
  'desk',
] as const
export type DataDomain = (typeof dataDomains)[number]

/** Which domains changed, and where known the ids of the changed rows, so open pages refresh only what they show. */
export interface ChangedEvent {
  domains: DataDomain[]
  /** Row ids per domain, when the writer knows them; a domain without ids may have changed anywhere. */
  ids?: Partial<Record<DataDomain, number[]>>
}

/**
 * The data each channel group's reads show, beyond its own: `vehicles.list` shows each
 * vehicle's next due work, so an activity change refreshes it too. Keyed by the channel
 * prefix (the first element of a query key). A group missing here refreshes on any change.
 */
export const readDependencies: Record<string, readonly DataDomain[]> = {
  customers: ['customers', 'vehicles'],
  vehicles: ['vehicles', 'customers', 'activities', 'odometer', 'activityTypes'],
  odometer: ['odometer'],
  activities: ['activities', 'vehicles', 'customers', 'activityTypes', 'bays', 'technicians', 'settings', 'hours', 'closures', 'invites', 'sync'],
  activityTypes: ['activityTypes'],
  templates: ['templates', 'activityTypes'],
  settings: ['settings'],
  hours: ['hours'],
  closures: ['closures', 'bays', 'technicians'],
  bays: ['bays'],
  technicians: ['technicians'],
  invites: ['invites', 'activities', 'vehicles', 'customers', 'activityTypes', 'bays', 'technicians', 'settings'],
  schedule: ['activities', 'vehicles', 'odometer', 'activityTypes', 'templates', 'settings', 'hours', 'closures'],
  sync: ['sync', 'activities', 'technicians', 'settings'],
  backups: ['backups'],
  // The `database` event replaces the status itself; no data change makes it stale.
  database: [],
  // An import's preview checks the file against the customers, vehicles and templates there now.
  import: ['customers', 'vehicles', 'templates', 'activityTypes', 'settings'],
  export: ['customers', 'vehicles', 'odometer', 'activities', 'activityTypes', 'bays', 'technicians', 'settings'],
  // Email state (settings, outbox, what a customer was sent) is written as settings and invites.
  email: ['settings', 'invites', 'activities', 'customers'],
  notices: ['settings'],
  // The shop's now and zone: only the zone setting changes it.
  clock: ['settings'],
  desk: ['desk'],
  // A proposal is read from the bookings, hours, closures and resources; its settings are settings and technicians.
  autobook: ['activities', 'vehicles', 'customers', 'activityTypes', 'bays', 'technicians', 'settings', 'hours', 'closures', 'sync'],
}

/**
 * Whether the reads of one channel group (a query key's first element) show any of `domains`.
 *
 * @example
 * readsShow('schedule', ['hours']) // true: the preview depends on the shop hours
 * readsShow('customers', ['hours']) // false
 */
export function readsShow(group: string, domains: readonly DataDomain[]): boolean {
  const deps = Object.hasOwn(readDependencies, group) ? readDependencies[group] : undefined
  return deps === undefined || deps.some((d) => domains.includes(d))
}
