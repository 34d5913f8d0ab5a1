import type { ImportRunResult } from '../../../shared/domain/import'
import { AppError } from '../errors'
import { longRunning, type Ctx, type HandlerMap } from '../handler'
import { checkpointOffThread } from '../schedule/checkpointer'
import { loadReference } from '../schedule/reference'
import { checkRows } from './check-rows'
import { guessMapping } from './guess-mapping'
import { readImportFile } from './read-file'
import { importTemplates } from './templates'
import { writeImport } from './write-import'
import { shopDay } from '../../../shared/shop-day'

/** Thrown at the end of a dry run so its one transaction rolls back, carrying what it did. */
class DryRunDone extends Error {
  constructor(readonly result: ImportRunResult) {
    super('dry run rolled back')
  }
}

const checkContext = async (ctx: Ctx) => {
  const now = ctx.clock.now()
  return {
    dialect: ctx.dialect,
    db: ctx.db,
    sqlite: ctx.sqlite,
    today: shopDay(now, (await loadReference(ctx, now)).timeZone),
    templates: await importTemplates(ctx),
    pause: ctx.yieldToEventLoop,
  }
}

export const importHandlers = {
  'import.preview': async ({ file, mapping, options, sampleRows }, ctx) => {
    const sheet = await readImportFile(file)
    const check = await checkContext(ctx)
    const used = mapping ?? guessMapping(sheet.headers, check.templates)
    const checked = await checkRows(sheet, { fields: used.fields, services: used.services ?? [] }, options.dateOrder, check)
    return {
      headers: sheet.headers,
      sample: sheet.rows.slice(0, sampleRows),
      mapping: { fields: used.fields, services: used.services ?? [] },
      templates: check.templates.map((t) => ({
        templateId: t.templateId,
        name: t.name,
        column: used.services?.find((s) => s.templateId === t.templateId)?.column ?? null,
      })),
      dateOrder: checked.dateOrder,
      problems: checked.problems,
      counts: checked.counts,
    }
  },

  // Checks, writes and re-plans in ONE transaction (all or nothing), yielding between chunks
  // so the app stays responsive; other calls wait for the lock meanwhile.
  'import.run': longRunning<'import.run'>(async ({ file, mapping, options, dryRun, leaveOutProblemRows, job }, ctx) => {
    const started = performance.now()
    const progress = (label: string, done: number, total: number, finished = false) => ctx.events.emit('progress', { job, label, done, total, finished })
    progress(dryRun ? 'Trying the import' : 'Reading the file', 0, 1)
    const sheet = await readImportFile(file)
    // The backup before bulk work (issue 11 §1), before the transaction, for a real run only.
    if (!dryRun) await ctx.backupBefore('before-import')
    // One large transaction: SQLite's own checkpoint at its commit would copy the whole log on
    // this thread; the scheduler's worker does it beside us instead.
    const checkpoints = checkpointOffThread(ctx)
    if (!dryRun) await checkpoints.start()
    try {
      const result = await ctx.batch(async (db) => {
        checkpoints.duringTransaction()
        // On PostgreSQL the batch is its own connection: every step inside uses its transaction.
        const inBatch: Ctx = { ...ctx, db }
        const checked = await checkRows(sheet, mapping, options.dateOrder, await checkContext(inBatch))
        if (checked.problems.length > 0 && (!leaveOutProblemRows || checked.problems.some((p) => p.row === 1))) {
          const rows = checked.counts.leftOut
          throw new AppError(
            'invalid_input',
            checked.problems.some((p) => p.row === 1)
              ? checked.problems[0]!.message
              : `${rows === 1 ? 'One row has' : `${rows} rows have`} problems; fix them in the file or leave them out. Nothing was imported.`,
            undefined,
            { problems: checked.problems },
          )
        }
        const written = await writeImport(inBatch, checked.plan, {
          fileName: file.name,
          report: (label, done, total) => progress(dryRun ? `${label} (dry run)` : label, done, total),
        })
        const run: ImportRunResult = {
          ...checked.counts,
          dryRun,
          planned: written.planned,
          seconds: Math.round(performance.now() - started) / 1000,
        }
        if (dryRun) throw new DryRunDone(run)
        return run
      })
      checkpoints.afterCommit()
      if (result.customers + result.vehicles > 0) ctx.changed('customers', 'vehicles', 'odometer', 'activities')
      return result
    } catch (error) {
      if (error instanceof DryRunDone) return { ...error.result, seconds: Math.round(performance.now() - started) / 1000 }
      throw error
    } finally {
      await checkpoints.finish()
      progress('Done', 1, 1, true)
    }
  }),
} satisfies HandlerMap<'import'>
