import { longRunning, type HandlerMap } from '../handler'
import { findTechnician } from '../technicians/queries'
import { fieldError } from '../errors'
import { propose } from './propose'
import { accept, lastRun, undo } from './accept'
import { readAutobookSettings, replaceTechnicianCategories, updateAutobookSettingsRow } from './settings'
import { capacityReport } from './capacity-report'
import { getSettingsRow } from '../settings/queries'

export const autobookHandlers = {
  // Long-running: the snapshot and the checks take the lock in short batches, the placement none.
  'autobook.propose': longRunning<'autobook.propose'>((input, ctx) => propose(ctx, input)),
  'autobook.accept': (input, ctx) => accept(ctx, input.items),
  'autobook.undo': (input, ctx) => undo(ctx, input.token),
  'autobook.lastRun': (_input, ctx) => lastRun(ctx),
  'autobook.capacity': async (input, ctx) => capacityReport(ctx.db, { ...input, now: ctx.clock.now(), timeZone: (await getSettingsRow(ctx.db)).time_zone }),
  'autobook.getSettings': (_input, ctx) => readAutobookSettings(ctx.db),
  'autobook.updateSettings': async (input, ctx) => {
    const set = {
      ...(input.bufferMinutes !== undefined ? { buffer_minutes: input.bufferMinutes } : {}),
      ...(input.groupDays !== undefined ? { group_days: input.groupDays } : {}),
    }
    await updateAutobookSettingsRow(ctx.db, { ...set, updated_at: ctx.clock.now().toISOString() })
    ctx.changed('settings')
    return readAutobookSettings(ctx.db)
  },
  'autobook.setTechnicianCategories': async (input, ctx) => {
    const tech = await findTechnician(ctx.db, input.technicianId).catch(() => {
      throw fieldError('technicianId', `Technician ${input.technicianId} does not exist`, 'not_found')
    })
    await replaceTechnicianCategories(ctx.db, tech.id, input.categories)
    ctx.changedRows('technicians', [tech.id])
    return readAutobookSettings(ctx.db)
  },
} satisfies HandlerMap<'autobook'>
