import { channel } from './define'
import { databaseServerSchemas as s, type DatabaseServerState, type ServerCopyResult, type ServerTestResult } from '../domain/database-server'

/**
 * Which database this desk uses (Settings → Database): kept by the desk, never in the
 * database it points to. A change applies at the next start of the app.
 */
export const databaseServerContract = {
  'database.server': channel<DatabaseServerState>()(s.server),
  /** Connects once and says what it found: reachable, password, database, schema, empty or not. Changes nothing. */
  'database.testServer': channel<ServerTestResult>()(s.testServer),
  /** Tests the server, then keeps it as this desk's database for the next start (the password in the secret store). */
  'database.useServer': channel<DatabaseServerState>()(s.useServer),
  /** Back to the local database file at the next start. */
  'database.useFile': channel<DatabaseServerState>()(s.useFile),
  /** Copies the open database file into the (empty) server, proves the copy, then keeps the server as above. */
  'database.copyToServer': channel<ServerCopyResult>()(s.copyToServer),
}
