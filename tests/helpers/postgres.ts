import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'

/**
 * The PostgreSQL leg of the test matrix. The `postgres` vitest project's global setup
 * (tests/helpers/postgres-setup.ts) provides a server and a migrated template database;
 * every test core gets a fresh database copied from that template, dropped on dispose.
 */
export interface PostgresTestServer {
  /** Admin URL of the server (database `postgres`). */
  adminUrl: string
  /** The migrated template every test database is created from. */
  template: string
}

/** The database tests run on in this vitest project: the local file, or a fresh PostgreSQL database. */
export const testDialect = (): 'sqlite' | 'postgres' => (process.env.SHOP_TEST_DB === 'postgres' ? 'postgres' : 'sqlite')

export function urlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl)
  u.pathname = `/${database}`
  return u.toString()
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A fresh database for one test core: `{ url, drop }`. */
export async function freshDatabase(server: PostgresTestServer): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shop_t_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdmin(server.adminUrl, async (c) => {
    // The template may be copied by several forks at once; PostgreSQL refuses a copy while
    // another session is connected to the template, so retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database ${name} template ${server.template}`)
        return
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100))
      }
    }
  })
  return {
    url: urlFor(server.adminUrl, name),
    drop: () => withAdmin(server.adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  }
}

/** A TCP port free on loopback now, for a throw-away cluster. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
