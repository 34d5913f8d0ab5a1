import { z } from 'zod'

/** What this desk has open now: the local file, or a shop's PostgreSQL server (its address without password). */
export type DatabaseInUse = { kind: 'file'; path: string } | { kind: 'server'; url: string }

/** The server chosen in Settings → Database, as the desk keeps it (the password apart, in the secret store). */
export interface ChosenServer {
  /** `postgres://user@host:port/database`, never with the password. */
  url: string
  host: string
  port: number
  database: string
  user: string
  /** A password is kept for it in the desk's secret store. */
  hasPassword: boolean
}

export interface DatabaseServerState {
  inUse: DatabaseInUse
  /** What the desk opens at its next start when SHOP_DB_URL is unset: this server, or (null) the local file. */
  chosen: ChosenServer | null
  /** SHOP_DB_URL (without password): it wins over the choice at every start. */
  environment: string | null
  /** The next start opens another database than the one open now. */
  restartNeeded: boolean
  /** How the desk keeps the server's password. */
  passwordProtection: 'os-encrypted' | 'unencrypted-file' | 'memory'
}

/** Why a server cannot be used, for the screen to say (the message says it in words). */
export type ServerProblemCode = 'unreachable' | 'credentials' | 'no_database' | 'newer_version' | 'other'

export type ServerTestResult =
  | {
      ok: true
      url: string
      /** The server's version, e.g. `16.4`. */
      version: string
      /** True when the database holds no shop yet: a shop can be copied into it. */
      empty: boolean
      message: string
    }
  | { ok: false; url: string; code: ServerProblemCode; message: string }

export interface ServerCopyResult {
  tables: number
  rows: number
  /** Rows compared column by column with the file. */
  sampled: number
  state: DatabaseServerState
}

const name = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Give the ${label}`)
    .max(max)
    .regex(/^[^\s/@:?#]+$/, `The ${label} cannot hold spaces or any of / @ : ? #`)

/** The fields of Settings → Database; the password is never trimmed, and empty means the one kept for this server. */
export const serverForm = z.object({
  host: z
    .string()
    .trim()
    .min(1, "Give the server's name or address")
    .max(253)
    .regex(/^[A-Za-z0-9.\-_[\]:]+$/, 'Give a host name or an IP address'),
  port: z.number().int().min(1).max(65535).default(5432),
  database: name('database name', 63),
  user: name('user name', 63),
  password: z.string().max(1000).default(''),
})
export type ServerForm = z.input<typeof serverForm>

export const databaseServerSchemas = {
  server: z.object({}),
  testServer: serverForm,
  useServer: serverForm,
  useFile: z.object({}),
  copyToServer: serverForm,
}
