import type { ImportField } from '../../../shared/domain/import'
import { foldForSearch } from '../../../shared/domain/search'

/** Header names seen in fleet lists and shop systems, compared folded and without punctuation. */
const SYNONYMS: Record<ImportField, string[]> = {
  customerName: ['customer', 'customername', 'owner', 'ownername', 'client', 'clientname', 'company', 'fleet', 'account', 'name', 'fullname'],
  customerEmail: ['email', 'emailaddress', 'customeremail', 'owneremail', 'mail'],
  customerPhone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell', 'customerphone', 'ownerphone'],
  vin: ['vin', 'vinnumber', 'vehicleidentificationnumber', 'chassisnumber', 'chassis'],
  make: ['make', 'manufacturer', 'brand', 'vehiclemake'],
  model: ['model', 'vehiclemodel'],
  year: ['year', 'modelyear', 'yr', 'vehicleyear'],
  licensePlate: ['plate', 'licenseplate', 'licenceplate', 'platenumber', 'registration', 'registrationnumber', 'regno', 'tag', 'numberplate'],
  onboardingDate: ['onboardingdate', 'onboarding', 'onboarded', 'since', 'customersince', 'startdate', 'dateadded', 'added', 'inservicedate', 'inservice'],
  odometerMiles: ['odometer', 'mileage', 'miles', 'odo', 'lastodometer', 'currentmileage', 'odometermiles', 'lastmileage'],
  odometerDate: ['odometerdate', 'mileagedate', 'readingdate', 'odometerreadon', 'odometerread', 'lastreadingdate'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'vehiclenotes'],
}

/** Fields tried in this order when a header only contains a known name ("Owner e-mail"). */
const CONTAINS_ORDER: ImportField[] = [
  'odometerDate',
  'customerEmail',
  'customerPhone',
  'onboardingDate',
  'odometerMiles',
  'licensePlate',
  'vin',
  'make',
  'model',
  'year',
  'notes',
  'customerName',
]

const squash = (header: string): string => foldForSearch(header).replace(/[^a-z0-9]/g, '')

/**
 * Guesses which column feeds which field from the header row: exact known names first,
 * then last-service columns named after a template's activity type ("Last oil change"),
 * then headers that contain a known name. Each column feeds at most one field.
 *
 * @example
 * guessMapping(['Owner', 'VIN', 'Make', 'Model', 'Year'], []) // { fields: { customerName: 0, vin: 1, … }, services: [] }
 */
export function guessMapping(
  headers: readonly string[],
  templates: ReadonlyArray<{ templateId: number; name: string }>,
): { fields: Partial<Record<ImportField, number>>; services: Array<{ templateId: number; column: number }> } {
  const squashed = headers.map(squash)
  const taken = new Set<number>()
  const fields: Partial<Record<ImportField, number>> = {}
  const take = (field: ImportField, column: number) => {
    fields[field] = column
    taken.add(column)
  }
  for (const field of Object.keys(SYNONYMS) as ImportField[]) {
    const column = squashed.findIndex((h, i) => !taken.has(i) && SYNONYMS[field].includes(h))
    if (column >= 0) take(field, column)
  }
  const services: Array<{ templateId: number; column: number }> = []
  for (const template of templates) {
    const name = squash(template.name)
    const column = squashed.findIndex((h, i) => !taken.has(i) && name.length > 0 && h.includes(name))
    if (column >= 0) {
      services.push({ templateId: template.templateId, column })
      taken.add(column)
    }
  }
  for (const field of CONTAINS_ORDER) {
    if (fields[field] !== undefined) continue
    const column = squashed.findIndex((h, i) => !taken.has(i) && SYNONYMS[field].some((s) => s.length >= 3 && h.includes(s)))
    if (column >= 0) take(field, column)
  }
  return { fields, services }
}
