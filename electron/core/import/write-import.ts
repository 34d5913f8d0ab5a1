import { foldForSearch } from '../../../shared/domain/search'
import { normalizePlate } from '../../../shared/domain/vehicles'
import type { Ctx } from '../handler'
import { loadReference } from '../scheduling/reference'
import { reconcileMany } from '../scheduling/reconcile-many'
import type { ImportPlan } from './check-rows'
import { timeSlices } from './time-slices'
import { shopInstant } from '../../../shared/shop-day'

export interface WrittenImport {
  vehicleIds: number[]
  planned: number
}

/**
 * Writes a checked plan inside the caller's one transaction (all or nothing): new customers,
 * vehicles with their last odometer reading, and each last service as a completed activity
 * of its template (what anchor `last_completed` counts from), then ONE re-plan of the new
 * vehicles through the scheduler's bulk path. Progress after every chunk.
 *
 * @example
 * await ctx.batch(() => writeImport(ctx, plan, { fileName, report }))
 */
export async function writeImport(
  ctx: Ctx,
  plan: ImportPlan,
  { fileName, report }: { fileName: string; report: (label: string, done: number, total: number) => void },
): Promise<WrittenImport> {
  const now = ctx.clock.now().toISOString()
  const ref = loadReference(ctx.sqlite, ctx.clock.now())
  const plans = ref.autoSchedule ? plan.vehicles.length : 0
  const total = plan.customers.length + plan.vehicles.length + plans
  let done = 0
  const slices = timeSlices(ctx.yieldToEventLoop)

  const insertCustomer = ctx.sqlite.prepare<[string, string | null, string | null, string, string, string]>(
    `insert into customers (name, email, phone, name_folded, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
  )
  const insertVehicle = ctx.sqlite.prepare(
    `insert into vehicles (customer_id, vin, make, model, year, license_plate, plate_normalized, onboarding_date, notes,
       make_model_folded, created_at, updated_at)
     values (@customerId, @vin, @make, @model, @year, @licensePlate, @plate, @onboardingDate, @notes, @folded, @now, @now)`,
  )
  const insertReading = ctx.sqlite.prepare<[number, string, number, string, string]>(
    `insert into odometer_readings (vehicle_id, reading_date, miles, source, created_at) values (?, ?, ?, ?, ?)`,
  )
  const insertService = ctx.sqlite.prepare(
    `insert into activities (vehicle_id, activity_type_id, origin, template_id, occurrence_index, due_date, status, pinned,
       completed_at, completed_by, completion_notes, created_at, updated_at)
     values (@vehicleId, @typeId, 'template', @templateId, 0, @date, 'completed', 1, @completedAt, @actor, @notes, @now, @now)`,
  )
  const logService = ctx.sqlite.prepare<[number, number, string, string, string]>(
    `insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message) values (?, ?, ?, ?, 'imported', null, ?)`,
  )

  const customerIds = new Map<string, number>()
  for (let i = 0; i < plan.customers.length; i++) {
    const c = plan.customers[i]!
    const id = c.existingId ?? Number(insertCustomer.run(c.name, c.email, c.phone, foldForSearch(c.name), now, now).lastInsertRowid)
    customerIds.set(c.key, id)
    done++
    if (slices.due()) {
      report('Importing customers', done, total)
      await slices.next()
    }
  }

  const vehicleIds: number[] = []
  const serviceNote = `Last service before the shop used this app (imported from ${fileName}).`
  for (const v of plan.vehicles) {
    const vehicleId = Number(
      insertVehicle.run({
        customerId: customerIds.get(v.customerKey)!,
        vin: v.vin,
        make: v.make,
        model: v.model,
        year: v.year,
        licensePlate: v.licensePlate,
        plate: v.licensePlate ? normalizePlate(v.licensePlate) : null,
        onboardingDate: v.onboardingDate,
        notes: v.notes,
        folded: foldForSearch(`${v.make} ${v.model}`),
        now,
      }).lastInsertRowid,
    )
    vehicleIds.push(vehicleId)
    if (v.reading) {
      const source = v.reading.date === v.onboardingDate ? 'onboarding' : 'manual'
      insertReading.run(vehicleId, v.reading.date, v.reading.miles, source, now)
    }
    for (const s of v.services) {
      const activityId = Number(
        insertService.run({
          vehicleId,
          typeId: s.activityTypeId,
          templateId: s.templateId,
          date: s.date,
          // Midday in the shop: the day the anchor counts from is that date in every time zone.
          completedAt: shopInstant(s.date, '12:00', ref.timeZone).toISOString(),
          actor: ctx.actor,
          notes: serviceNote,
          now,
        }).lastInsertRowid,
      )
      logService.run(activityId, vehicleId, now, ctx.actor, serviceNote)
    }
    done++
    if (slices.due()) {
      report('Importing vehicles', done, total)
      await slices.next()
    }
  }
  report('Planning the imported vehicles', done, total)

  // Like onboarding one vehicle: with auto-schedule off, nothing is planned by itself.
  if (!ref.autoSchedule) return { vehicleIds, planned: 0 }
  const base = done
  const counts = await reconcileMany(ctx, ref, vehicleIds, (planned) => report('Planning the imported vehicles', base + planned, total))
  return { vehicleIds, planned: counts.add }
}
