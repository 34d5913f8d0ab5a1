/**
 * `npm run bench`: every benchmark, one after the other, each printing its figures.
 * Benchmarks measure; they never fail on a number. Run them on a quiet machine: the load
 * average is printed beside the figures because other work on two cores skews them.
 */
import { loadavg } from 'node:os'
import { benchScheduling } from './scheduling'
import { benchPostgres } from './postgres'
import { benchInvites } from './invites'
import { benchCalendarUi, printCalendarUi } from './calendar-ui'
import { benchImport } from './import'
import { benchSyncGoogle, printSyncGoogle } from './sync-google'
import { benchSyncOutlook, printSyncOutlook } from './sync-outlook'
import { benchAutobook } from './autobook'

console.log(
  `Shop Scheduler benchmarks — Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
)
await benchScheduling()
console.log()
await benchPostgres()
console.log()
await benchInvites()
console.log()
await benchImport()
console.log()
printCalendarUi(await benchCalendarUi())
console.log()
printSyncGoogle(await benchSyncGoogle())
console.log()
printSyncOutlook(await benchSyncOutlook())
console.log()
await benchAutobook()
