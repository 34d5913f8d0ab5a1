import type { ActivityRow } from '../db/database'
import type { Ctx, HandlerMap } from '../handler'
import { AppError, fieldError } from '../errors'
import { findVehicle } from '../vehicles/queries'
import { findActivityType } from '../activity-types/queries'
import { onVehicleChanged } from '../schedule/on-vehicle-changed'
import { addReading } from '../odometer/add-reading'
import { appendLog } from './log'
import { applyEdit, loadForEdit } from './edit'
import { assertTransition } from './transitions'
import { placeBooking } from './capacity'
import { bookingColumns, resolveBooking } from './booking'
import { insertActivity } from './insert'
import { readContext } from './read-context'
import { readActivity } from './read'
import { shopDay } from '../../../shared/shop-day'

type ActivitiesMap = HandlerMap<'activities'>

const current = async (ctx: Ctx, id: number) => readActivity(await readContext(ctx), id)

/** Finished and cancelled work is history: it keeps its booking as it was. */
function assertMovable(row: ActivityRow, verb: string): void {
  if (row.status === 'completed' || row.status === 'cancelled') {
    throw new AppError('refused', `This activity is ${row.status}; it cannot be ${verb}.`)
  }
  if (row.status === 'missed') {
    throw new AppError('refused', `This activity was missed; rebook it instead.`)
  }
}

export const activityEditHandlers = {
  /** Ad-hoc work the front desk books directly: due on the booked day, pinned from the start. */
  'activities.createManual': async (input, ctx) => {
    const vehicle = await findVehicle(ctx.db, input.vehicleId)
    if (vehicle.status !== 'active') throw fieldError('vehicleId', 'This vehicle is inactive; reactivate it first', 'refused')
    const type = await findActivityType(ctx.db, input.activityTypeId).catch(() => {
      throw fieldError('activityTypeId', 'Choose the kind of work')
    })
    if (!type.active) throw fieldError('activityTypeId', `"${type.name}" is inactive`, 'refused')
    const { timeZone } = await readContext(ctx)
    const booking = await placeBooking(ctx.db, timeZone, await resolveBooking(ctx.db, type.id, input), { now: ctx.clock.now() })
    const now = ctx.clock.now().toISOString()
    const id = await insertActivity(ctx.db, {
      vehicle_id: vehicle.id,
      activity_type_id: type.id,
      origin: 'manual',
      template_id: null,
      occurrence_index: null,
      occurrence_key: null,
      due_date: shopDay(booking.start, timeZone),
      ...bookingColumns(booking),
      pinned: 1,
      notes: input.notes,
      created_at: now,
      updated_at: now,
    })
    await appendLog(ctx.db, {
      activityId: id,
      vehicleId: vehicle.id,
      at: now,
      actor: ctx.actor,
      action: 'created',
      changes: {
        start: [null, booking.start.toISOString()],
        end: [null, booking.end.toISOString()],
        bayId: [null, booking.bayId],
        technicianId: [null, booking.technicianId],
      },
      message: `Manual ${type.name}`,
    })
    ctx.changedRows('activities', [id])
    return current(ctx, id)
  },

  /** Books unbooked work or moves a booking; the capacity check ignores the activity itself. */
  'activities.book': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertMovable(row, 'booked or moved')
    const { timeZone } = await readContext(ctx)
    const request = await resolveBooking(ctx.db, row.activity_type_id, input, row)
    const booking = await placeBooking(ctx.db, timeZone, request, { now: ctx.clock.now(), excludeId: row.id, currentStart: row.start_at })
    const columns = bookingColumns(booking)
    // A new time is news to the customer: the activity goes back on the "to contact" list.
    const contacted = columns.start_at === row.start_at ? {} : { contacted_at: null }
    await applyEdit(ctx, row, { ...columns, ...contacted, pinned: 1 }, { action: row.start_at ? 'moved' : 'booked' })
    return current(ctx, row.id)
  },

  'activities.unbook': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    if (row.status !== 'scheduled') throw new AppError('refused', `Only scheduled work can be unbooked; this activity is ${row.status.replace('_', ' ')}.`)
    if (!row.start_at) return current(ctx, row.id)
    await applyEdit(ctx, row, { start_at: null, end_at: null, bay_id: null, technician_id: null, pinned: 1 }, { action: 'unbooked' })
    return current(ctx, row.id)
  },

  /** Moves the due day of unbooked work (a drag in the month view); booked work moves by its booking. */
  'activities.setDueDate': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertMovable(row, 'moved')
    if (row.start_at) throw new AppError('refused', 'This activity is booked; move the booking, or unbook it first.')
    const contacted = input.dueDate === row.due_date ? {} : { contacted_at: null }
    await applyEdit(ctx, row, { due_date: input.dueDate, ...contacted, pinned: 1 }, { action: 'due_date_changed' })
    return current(ctx, row.id)
  },

  'activities.update': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    await applyEdit(ctx, row, { notes: input.notes, pinned: 1 }, { action: 'updated' })
    return current(ctx, row.id)
  },

  'activities.start': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertTransition(row.status, 'in_progress')
    await applyEdit(ctx, row, { status: 'in_progress', started_at: ctx.clock.now().toISOString() }, { action: 'started' })
    return current(ctx, row.id)
  },

  /**
   * Records when, by whom, the odometer and notes. The odometer becomes a reading (source
   * `completion`), checked like any other, and the vehicle is re-planned (rule 6).
   */
  'activities.complete': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertTransition(row.status, 'completed')
    const now = ctx.clock.now()
    const completedAt = input.completedAt ? new Date(input.completedAt) : now
    if (completedAt.getTime() > now.getTime() + 60_000) throw fieldError('completedAt', 'Completion cannot be in the future')
    if (input.odometer != null) {
      const { timeZone } = await readContext(ctx)
      await addReading(ctx.db, {
        vehicleId: row.vehicle_id,
        date: shopDay(completedAt, timeZone),
        miles: input.odometer,
        isCorrection: input.odometerIsCorrection === true,
        source: 'completion',
        activityId: row.id,
        now: now.toISOString(),
      }).catch((error: unknown) => {
        // Same rule, but the completion form calls the field `odometer`.
        if (error instanceof AppError) throw fieldError('odometer', error.message, error.code)
        throw error
      })
    }
    await applyEdit(
      ctx,
      row,
      {
        status: 'completed',
        completed_at: completedAt.toISOString(),
        completed_by: input.completedBy,
        completion_odometer: input.odometer ?? null,
        completion_notes: input.notes,
      },
      { action: 'completed', actor: input.completedBy },
    )
    await onVehicleChanged(ctx, row.vehicle_id, 'completed')
    if (input.odometer != null) ctx.changed('odometer')
    return current(ctx, row.id)
  },

  'activities.cancel': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertTransition(row.status, 'cancelled')
    await applyEdit(ctx, row, { status: 'cancelled', cancel_reason: input.reason }, { action: 'cancelled', message: input.reason })
    return current(ctx, row.id)
  },

  /**
   * Missed work back to scheduled. With a booking it is booked (capacity checked); without
   * one it becomes due today, so the missed check does not catch it again at once.
   */
  'activities.rebook': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    assertTransition(row.status, 'scheduled')
    const rc = await readContext(ctx)
    if (input.booking) {
      // A missed booking's time has passed: rebooking it is a new booking, bay and all.
      const request = await resolveBooking(ctx.db, row.activity_type_id, input.booking, { ...row, start_at: null })
      const booking = await placeBooking(ctx.db, rc.timeZone, request, { now: rc.now, excludeId: row.id })
      await applyEdit(ctx, row, { status: 'scheduled', ...bookingColumns(booking), contacted_at: null, pinned: 1 }, { action: 'rebooked' })
    } else {
      await applyEdit(
        ctx,
        row,
        { status: 'scheduled', due_date: rc.today, start_at: null, end_at: null, bay_id: null, technician_id: null, contacted_at: null, pinned: 1 },
        { action: 'rebooked' },
      )
    }
    return current(ctx, row.id)
  },

  /** The customer was reminded; it leaves the "to contact" list. Not a schedule edit, so it does not pin. */
  'activities.markContacted': async (input, ctx) => {
    const row = await loadForEdit(ctx, input.id, input.version)
    if (row.status !== 'scheduled' && row.status !== 'in_progress') {
      throw new AppError('refused', `This activity is ${row.status}; there is nothing to remind the customer of.`)
    }
    await applyEdit(ctx, row, { contacted_at: ctx.clock.now().toISOString() }, { action: 'contacted' })
    return current(ctx, row.id)
  },
} satisfies Partial<ActivitiesMap>
