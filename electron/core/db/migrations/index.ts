/**
 * Every migration, imported statically: a bundled app has no migrations folder to read.
 * Names sort in the order they run; append new ones, never edit or reorder shipped ones.
 */
import type { Migration } from 'kysely'
import * as m001 from './2026-11-21-001-customers-vehicles'
import * as m002 from './2026-11-21-002-scheduling'
import * as m003 from './2026-11-21-003-invites'
import * as m004 from './2026-11-21-004-read-indexes'
import * as m010 from './2026-12-01-010-sync'
import * as m020 from './2026-12-01-020-email'
import * as m040 from './2026-12-01-040-import'
import * as m1202_010 from './2026-12-02-010-sync-due-dates'
import * as m1202_020 from './2026-12-02-020-sync-outlook'
import * as m1202_050 from './2026-12-02-050-autobook'
import * as m1202_070 from './2026-12-02-070-sync-inbox'
import * as m1202_100 from './2026-12-02-100-booking-exclusion'

export const migrations: Record<string, Migration> = {
  '2026-11-21-001-customers-vehicles': m001,
  '2026-11-21-002-scheduling': m002,
  '2026-11-21-003-invites': m003,
  '2026-11-21-004-read-indexes': m004,
  '2026-12-01-010-sync': m010,
  '2026-12-01-020-email': m020,
  '2026-12-01-040-import': m040,
  '2026-12-02-010-sync-due-dates': m1202_010,
  '2026-12-02-020-sync-outlook': m1202_020,
  '2026-12-02-050-autobook': m1202_050,
  '2026-12-02-070-sync-inbox': m1202_070,
  '2026-12-02-100-booking-exclusion': m1202_100,
}
