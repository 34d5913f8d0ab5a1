import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import type { Kysely } from 'kysely'
import { openPostgresConnection } from '../../electron/core/db/postgres-connection'
import { migrateToLatest } from '../../electron/core/db/migrate'
import type { Database } from '../../electron/core/db/database'
import { freePort, urlFor, withAdmin, type PostgresTestServer } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresTestServer
  }
}

const CLUSTER = 'scripts/postgres/throwaway-cluster.sh'

/**
 * Global setup of the `postgres` project: the server is `SHOP_TEST_PG_URL` (CI starts a
 * throw-away cluster in .ci/run) or, when unset, a throw-away cluster started here from
 * the machine's PostgreSQL binaries and stopped at the end. One database is migrated once
 * as the template every test database copies (CREATE DATABASE … TEMPLATE is far quicker
 * than eleven migrations per test).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.SHOP_TEST_PG_URL
  let stopCluster = async () => {}
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'shop-pg-'))
    adminUrl = execFileSync('bash', [CLUSTER, 'start', dir, String(await freePort())], { encoding: 'utf8' }).trim()
    stopCluster = async () => void execFileSync('bash', [CLUSTER, 'stop', dir])
  }
  const template = `shop_template_${process.pid}`
  await withAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${template} with (force)`)
    await c.query(`create database ${template}`)
  })
  const connection = await openPostgresConnection({ url: urlFor(adminUrl, template), max: 1 })
  await migrateToLatest(connection.db as Kysely<Database>)
  await connection.close()
  project.provide('postgres', { adminUrl, template })
  return async () => {
    await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${template} with (force)`)).catch(() => undefined)
    await stopCluster()
  }
}
