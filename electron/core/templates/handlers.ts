import type { HandlerMap } from '../handler'
import { AppError, fieldError } from '../errors'
import { findActivityType } from '../activity-types/queries'
import { deleteTemplate, findTemplate, insertTemplate, listTemplates, templateUsage, updateTemplate } from './queries'

const intervals = (t: { intervalMonths?: number | null; intervalDays?: number | null; intervalMiles?: number | null }) => ({
  interval_months: t.intervalMonths ?? null,
  interval_days: t.intervalDays ?? null,
  interval_miles: t.intervalMiles ?? null,
})

/** A template plans work of one type; the type must exist and be offered. */
async function checkType(db: Parameters<typeof findActivityType>[0], id: number): Promise<void> {
  const type = await findActivityType(db, id).catch(() => {
    throw fieldError('activityTypeId', 'Choose the activity type this template plans')
  })
  if (!type.active) throw fieldError('activityTypeId', `"${type.name}" is inactive; reactivate it first`)
}

export const templatesHandlers = {
  'templates.list': async ({ includeInactive }, { db }) => listTemplates(db, { includeInactive }),

  /** Saving a template does not re-plan by itself (rule 6): schedule-all previews it. */
  'templates.create': async (input, ctx) => {
    await checkType(ctx.db, input.activityTypeId)
    const id = await insertTemplate(
      ctx.db,
      { activity_type_id: input.activityTypeId, ...intervals(input), anchor: input.anchor },
      ctx.clock.now().toISOString(),
    )
    ctx.changed('templates')
    return findTemplate(ctx.db, id)
  },

  'templates.update': async (input, ctx) => {
    const before = await findTemplate(ctx.db, input.id)
    if (input.activityTypeId !== before.activityTypeId) await checkType(ctx.db, input.activityTypeId)
    await updateTemplate(
      ctx.db,
      input.id,
      { activity_type_id: input.activityTypeId, ...intervals(input), anchor: input.anchor, active: input.active },
      ctx.clock.now().toISOString(),
    )
    ctx.changed('templates')
    return findTemplate(ctx.db, input.id)
  },

  /** Only a template that never planned anything can go; otherwise its history would lose its source. */
  'templates.delete': async ({ id }, ctx) => {
    const template = await findTemplate(ctx.db, id)
    const used = await templateUsage(ctx.db, id)
    if (used > 0) {
      throw new AppError(
        'refused',
        `The "${template.typeName}" template has planned ${used} activities, so it cannot be deleted; deactivate it instead (schedule-all then removes its untouched future activities).`,
      )
    }
    await deleteTemplate(ctx.db, id)
    ctx.changed('templates')
    return { id }
  },
} satisfies HandlerMap<'templates'>
