import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDialectConfig } from 'kysely'
import type { Database } from './database'
import type { ChangedEvent } from '../../../shared/contract'
import type { AppError } from '../errors'

/** SQLite can roll back DDL; Kysely assumes it cannot. Saying so lets each migration run in a transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/**
 * When a statement fails with SQLITE_FULL (or IOERR, NOMEM), SQLite may already have
 * rolled the transaction back by itself; Kysely's ROLLBACK then throws "cannot rollback -
 * no transaction is active" and that error replaces the real one. Rolling back only when a
 * transaction is still open lets the cause (e.g. "database or disk is full") reach the gate.
 */
class ShopSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config)
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return
    await super.rollbackTransaction(connection)
  }
}

class ShopSqliteDialect extends SqliteDialect {
  constructor(private readonly shopConfig: SqliteDialectConfig & { database: SqliteDatabase.Database }) {
    super(shopConfig)
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }

  override createDriver(): Driver {
    return new ShopSqliteDriver(this.shopConfig, this.shopConfig.database)
  }
}

/** Which server holds the data: the embedded file (the default) or a shop's shared PostgreSQL server. */
export type Dialect = 'sqlite' | 'postgres'

export interface Connection {
  dialect: Dialect
  /** Typed queries. */
  db: Kysely<Database>
  /**
   * The raw synchronous handle, for bulk work where Kysely's per-query overhead matters
   * (the scheduler). Hazard: it shares Kysely's one connection, so only use it from code
   * that runs under the core's lock (every handler does) and never across an `await`
   * inside someone else's Kysely transaction.
   */
  sqlite: SqliteDatabase.Database
  /** Only on a shop's shared server: what every write does besides committing. */
  server?: SharedServer
  close(): Promise<void>
}

/** What a desk on a shared PostgreSQL server adds to each call (electron/core/server-host.ts). */
export interface SharedServer {
  /** In the committing transaction: tells the other desks what it changed (heard only if it commits). */
  announce(trx: Kysely<Database>, event: ChangedEvent): Promise<void>
  /**
   * The `offline` refusal: with no error, for a call made while the server cannot be reached;
   * with one, when that error says the server is gone (which turns the desk offline). Else undefined.
   */
  refusal(error?: unknown): AppError | undefined
}

export interface OpenOptions {
  /** Path of the database file, or `:memory:`. */
  path: string
  /** Electron needs a binary built for its own ABI; plain Node uses the package's default. */
  nativeBinding?: string
}

/**
 * Opens (and creates) the database with the pragmas the app relies on.
 *
 * @example
 * const { db, close } = openConnection({ path: '/tmp/shop.db' })
 */
export function openConnection({ path, nativeBinding }: OpenOptions): Connection {
  const sqlite = new SqliteDatabase(path, nativeBinding ? { nativeBinding } : {})
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // With WAL, NORMAL still never corrupts the file; a power cut can only lose the last commits.
  sqlite.pragma('synchronous = NORMAL')
  // A shop's whole schedule fits in memory; a larger page cache keeps bulk planning and month
  // queries from re-reading index pages (the default is 2 MB).
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('temp_store = MEMORY')
  const db = new Kysely<Database>({ dialect: new ShopSqliteDialect({ database: sqlite }) })
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    async close() {
      await db.destroy() // closes the better-sqlite3 handle too
    },
  }
}
