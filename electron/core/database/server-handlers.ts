import type { DatabaseServerState, ServerForm } from '../../../shared/domain/database-server'
import { AppError } from '../errors'
import { longRunning, type Ctx, type Handler } from '../handler'
import { copyToPostgres } from '../db/copy-to-postgres'
import { chosenServer, serverPasswordKey, serverUrl, testServer } from './database-choice'

async function serverState(ctx: Ctx): Promise<DatabaseServerState> {
  const { inUse, environment } = ctx.desk.database()
  const url = ctx.desk.server()
  const chosen = url ? chosenServer(url, (await ctx.ports.secrets.get(serverPasswordKey(url))) !== null) : null
  const next = environment ?? chosen?.url ?? null
  const restartNeeded = inUse.kind === 'file' ? next !== null : next !== inUse.url
  return { inUse, chosen, environment, restartNeeded, passwordProtection: ctx.ports.secrets.protection }
}

/** The typed password, else the one kept for this server (Test connection again without retyping it). */
async function target(form: Required<ServerForm>, ctx: Ctx): Promise<{ url: string; password: string | undefined }> {
  const url = serverUrl(form)
  const password = form.password !== '' ? form.password : ((await ctx.ports.secrets.get(serverPasswordKey(url))) ?? undefined)
  return { url, password }
}

async function keep(ctx: Ctx, url: string, typed: string): Promise<void> {
  // The password goes to the secret store only, never to the desk file or a log.
  if (typed !== '') await ctx.ports.secrets.set(serverPasswordKey(url), typed)
  await ctx.desk.setServer(url)
  ctx.log.info(`This desk will use the database server ${url} from its next start`)
}

async function usable(form: Required<ServerForm>, ctx: Ctx) {
  const { url, password } = await target(form, ctx)
  const test = await testServer(url, password)
  if (!test.ok) throw new AppError(test.code === 'newer_version' ? 'newer_version' : 'cannot_open', test.message)
  return { url, password, test }
}

/**
 * Settings → Database. These run outside the per-call transaction and answer in recovery
 * mode too: a desk whose server cannot be reached must still be able to pick another one.
 * A choice applies at the next start; nothing here re-opens the running core.
 */
export const databaseServerHandlers: {
  [C in 'database.server' | 'database.testServer' | 'database.useServer' | 'database.useFile' | 'database.copyToServer']: Handler<C>
} = {
  'database.server': longRunning<'database.server'>((_input, ctx) => serverState(ctx)),

  'database.testServer': longRunning<'database.testServer'>(async (form, ctx) => {
    const { url, password } = await target(form, ctx)
    return testServer(url, password)
  }),

  'database.useServer': longRunning<'database.useServer'>(async (form, ctx) => {
    const { url } = await usable(form, ctx)
    await keep(ctx, url, form.password)
    return serverState(ctx)
  }),

  'database.useFile': longRunning<'database.useFile'>(async (_input, ctx) => {
    const url = ctx.desk.server()
    await ctx.desk.setServer(null)
    if (url) await ctx.ports.secrets.delete(serverPasswordKey(url))
    return serverState(ctx)
  }),

  'database.copyToServer': longRunning<'database.copyToServer'>(async (form, ctx) => {
    const { inUse } = ctx.desk.database()
    if (inUse.kind !== 'file')
      throw new AppError('refused', 'This desk already uses a database server; a shop is copied from a desk that has its local database file open.')
    const { url, password, test } = await usable(form, ctx)
    if (test.ok && !test.empty) throw new AppError('refused', `${test.message} Copy a shop only into a new, empty database (createdb); nothing was changed.`)
    // Under the core's lock for the whole copy: no change on this desk can slip in between the copy and the switch.
    const report = await ctx.batch(() => copyToPostgres({ from: inUse.path, to: url, password, nativeBinding: ctx.nativeBinding }))
    await keep(ctx, url, form.password)
    return {
      tables: report.tables.length,
      rows: report.tables.reduce((n, t) => n + t.rows, 0),
      sampled: report.tables.reduce((n, t) => n + t.sampled, 0),
      state: await serverState(ctx),
    }
  }),
}
