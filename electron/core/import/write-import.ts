import { foldForSearch } from '../../../shared/domain/search'
import { normalizePlate } from '../../../shared/domain/vehicles'
import type { Ctx } from '../handler'
import { loadReference } from '../schedule/reference'
import { reconcileMany } from '../schedule/reconcile-many'
import type { ImportPlan } from './check-rows'
import { timeSlices } from './time-slices'
import { importWriter, type ReadingInsert, type ServiceInsert } from './writer'
import { shopInstant } from '../../../shared/shop-day'

/** Rows written per call: one statement each on PostgreSQL, and a turn of the event loop between chunks when due. */
const WRITE_CHUNK = 250

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
  const ref = await loadReference(ctx, ctx.clock.now())
  const plans = ref.autoSchedule ? plan.vehicles.length : 0
  const total = plan.customers.length + plan.vehicles.length + plans
  let done = 0
  const slices = timeSlices(ctx.yieldToEventLoop)

  const serviceNote = `Last service before the shop used this app (imported from ${fileName}).`
  const writer = importWriter(ctx, { now, actor: ctx.actor, note: serviceNote })

  const customerIds = new Map<string, number>()
  for (let i = 0; i < plan.customers.length; i += WRITE_CHUNK) {
    const chunk = plan.customers.slice(i, i + WRITE_CHUNK)
    const fresh = chunk.filter((c) => c.existingId === null)
    const ids = await writer.customers(fresh.map((c) => ({ name: c.name, email: c.email, phone: c.phone, folded: foldForSearch(c.name) })))
    fresh.forEach((c, k) => customerIds.set(c.key, ids[k]!))
    for (const c of chunk) if (c.existingId !== null) customerIds.set(c.key, c.existingId)
    done += chunk.length
    if (slices.due()) {
      report('Importing customers', done, total)
      await slices.next()
    }
  }

  const vehicleIds: number[] = []
  for (let i = 0; i < plan.vehicles.length; i += WRITE_CHUNK) {
    const chunk = plan.vehicles.slice(i, i + WRITE_CHUNK)
    const ids = await writer.vehicles(
      chunk.map((v) => ({
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
      })),
    )
    vehicleIds.push(...ids)
    const readings: ReadingInsert[] = []
    const services: ServiceInsert[] = []
    chunk.forEach((v, k) => {
      const vehicleId = ids[k]!
      if (v.reading)
        readings.push({ vehicleId, date: v.reading.date, miles: v.reading.miles, source: v.reading.date === v.onboardingDate ? 'onboarding' : 'manual' })
      for (const s of v.services) {
        // Midday in the shop: the day the anchor counts from is that date in every time zone.
        services.push({
          vehicleId,
          typeId: s.activityTypeId,
          templateId: s.templateId,
          date: s.date,
          completedAt: shopInstant(s.date, '12:00', ref.timeZone).toISOString(),
        })
      }
    })
    await writer.readings(readings)
    await writer.services(services)
    done += chunk.length
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
