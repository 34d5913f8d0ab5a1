/**
 * `npm run db:copy -- --from <shop.db> --to postgres://user@host:port/database`: moves a shop
 * from its SQLite file into a new, empty PostgreSQL database (electron/core/db/copy-to-postgres.ts
 * does the work and proves the copy). The file is opened read-only and stays as it is; it is
 * locked against the app for the copy, so close Shop Scheduler on that desk first. The password
 * comes from the URL or PGPASSWORD. Afterwards point the desks at the server (Settings →
 * Database, or SHOP_DB_URL).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { copyToPostgres } from '../../electron/core/db/copy-to-postgres'
import { acquireFileLock } from '../../electron/core/db/file-lock'
import { redactUrl } from '../../electron/core/db/postgres-connection'
import { AppError } from '../../electron/core/errors'

const usage = 'usage: npm run db:copy -- --from <shop.db> --to postgres://user@host:port/database'

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } } })
  if (values.help || !values.from || !values.to) {
    console.error(usage)
    return values.help ? 0 : 2
  }
  const from = resolve(values.from)
  if (!existsSync(from)) {
    console.error(`There is no file ${from}.`)
    return 1
  }
  const release = acquireFileLock(from)
  try {
    console.log(`Copying ${from} to ${redactUrl(values.to)} …`)
    let last = ''
    const report = await copyToPostgres({
      from,
      to: values.to,
      onProgress: (table, done, total) => {
        if (table !== last || done === total) process.stdout.write(`\r  ${table}: ${done}/${total}${done === total ? '\n' : ''}`)
        last = table
      },
    })
    const rows = report.tables.reduce((n, t) => n + t.rows, 0)
    const sampled = report.tables.reduce((n, t) => n + t.sampled, 0)
    console.log(`Copied ${rows} rows in ${report.tables.length} tables; every count matches and ${sampled} sampled rows match column by column.`)
    console.log(`${from} is unchanged. Point the desks at ${report.to}: Settings → Database, or SHOP_DB_URL.`)
    return 0
  } finally {
    release()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The shop's words for a refusal (not empty, unreachable, wrong password); a stack for anything else.
    console.error(error instanceof AppError ? error.message : error)
    process.exit(1)
  },
)
