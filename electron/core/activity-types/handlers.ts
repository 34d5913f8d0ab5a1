import type { HandlerMap } from '../handler'
import { AppError, fieldError } from '../errors'
import { toActivityType } from './map'
import { checkTypeName, deleteActivityType, findActivityType, insertActivityType, listActivityTypes, typeUsage, updateActivityType } from './queries'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export const activityTypesHandlers = {
  'activityTypes.list': async ({ includeInactive }, { db }) => (await listActivityTypes(db, includeInactive)).map(toActivityType),

  'activityTypes.create': async (input, ctx) => {
    await checkTypeName(ctx.db, input.name)
    const row = await insertActivityType(ctx.db, input, ctx.clock.now().toISOString())
    ctx.changed('activityTypes')
    return toActivityType(row)
  },

  'activityTypes.update': async ({ id, name, category, durationMinutes, active }, ctx) => {
    const before = await findActivityType(ctx.db, id)
    await checkTypeName(ctx.db, name, id)
    // The planner creates the built-in inspections whatever happens: they must stay usable.
    if (before.builtin && !active) {
      throw fieldError('active', `"${before.name}" is built in and cannot be deactivated`, 'refused')
    }
    if (before.builtin && category !== 'inspection') {
      throw fieldError('category', `"${before.name}" is built in and stays an inspection`, 'refused')
    }
    const row = await updateActivityType(ctx.db, id, { name, category, durationMinutes, active }, ctx.clock.now().toISOString())
    ctx.changed('activityTypes', 'templates', 'activities')
    return toActivityType(row)
  },

  'activityTypes.delete': async ({ id }, ctx) => {
    const type = await findActivityType(ctx.db, id)
    if (type.builtin) {
      throw new AppError('refused', `"${type.name}" is built in and cannot be deleted.`)
    }
    const usage = await typeUsage(ctx.db, id)
    if (usage.activities > 0 || usage.templates > 0) {
      const uses = [
        usage.activities > 0 ? plural(usage.activities, 'activity').replace('activitys', 'activities') : null,
        usage.templates > 0 ? plural(usage.templates, 'template') : null,
      ]
        .filter(Boolean)
        .join(' and ')
      throw new AppError('refused', `"${type.name}" is used by ${uses}, so it cannot be deleted; deactivate it instead to stop offering it.`, undefined, {
        activities: usage.activities,
        templates: usage.templates,
      })
    }
    await deleteActivityType(ctx.db, id)
    ctx.changed('activityTypes')
    return { id }
  },
} satisfies HandlerMap<'activityTypes'>
