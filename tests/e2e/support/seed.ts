import type { Customer } from '../../../shared/domain/customers'
import type { Vehicle, VehicleInput } from '../../../shared/domain/vehicles'
import type { CustomerInput } from '../../../shared/domain/customers'
import { expectedCheckDigit } from '../../../shared/domain/vin-check-digit'
import type { ShopHttpClient } from './shop-client'

/**
 * A well-formed VIN (17 characters, no I, O or Q) that differs by `serial`, with its North
 * American check digit right (the vehicle form warns about a wrong one). `wmi` picks the
 * maker code.
 *
 * @example
 * vin(7) // '1HGCV1F36KA000007'
 */
export function vin(serial: number, wmi = '1HG'): string {
  const draft = `${wmi}CV1F30KA${String(serial).padStart(6, '0')}`
  const check = expectedCheckDigit(draft)
  if (check === null) throw new Error(`Not a valid test VIN: ${draft}`)
  return `${draft.slice(0, 8)}${check}${draft.slice(9)}`
}

let nextSerial = 1
/** A VIN no other call in this worker has produced. */
export const uniqueVin = (wmi?: string): string => vin(nextSerial++, wmi)

export async function seedCustomer(shop: ShopHttpClient, fields: Partial<CustomerInput> = {}): Promise<Customer> {
  return shop.call('customers.create', { name: 'Dana Reyes', email: 'dana.reyes@example.com', phone: '(617) 555-0142', ...fields })
}

/**
 * Creates a vehicle through `vehicles.create` (so the scheduler plans it like one made in the
 * UI). Without `customerId` it creates an owner first.
 *
 * @example
 * const civic = await seedVehicle(shop, { make: 'Honda', model: 'Civic', licensePlate: '7KXM 412' })
 */
export async function seedVehicle(shop: ShopHttpClient, fields: Partial<VehicleInput> = {}): Promise<Vehicle> {
  const customerId = fields.customerId ?? (await seedCustomer(shop)).id
  return shop.call('vehicles.create', {
    vin: uniqueVin(),
    make: 'Honda',
    model: 'Civic',
    year: 2019,
    licensePlate: null,
    onboardingDate: '2026-01-15',
    ...fields,
    customerId,
  })
}

type VehicleSeed = Omit<VehicleInput, 'customerId'> & { inactive?: boolean }

interface CustomerSeed extends CustomerInput {
  vehicles: VehicleSeed[]
  /** Deactivated after its vehicles, the only order the core allows. */
  inactive?: boolean
}

/** A small shop's book: private customers and two fleets, plates written the ways people write them. */
export const FRONT_DESK_BOOK: CustomerSeed[] = [
  {
    name: 'Dana Reyes',
    email: 'dana.reyes@example.com',
    phone: '(617) 555-0142',
    vehicles: [
      { vin: vin(101, '1HG'), make: 'Honda', model: 'Civic', year: 2019, licensePlate: '7KXM 412', onboardingDate: '2025-11-04', odometerMiles: 48_210 },
      { vin: vin(102, '5YJ'), make: 'Tesla', model: 'Model 3', year: 2022, licensePlate: 'EV-2291', onboardingDate: '2026-02-02' },
    ],
  },
  {
    name: 'Marcus Chen',
    email: 'marcus.chen@example.com',
    phone: '(617) 555-0187',
    notes: 'Prefers text messages. Drops the car off before 8.',
    vehicles: [
      { vin: vin(103, '4T1'), make: 'Toyota', model: 'Camry', year: 2017, licensePlate: 'MCHEN 1', onboardingDate: '2025-09-18', odometerMiles: 91_400 },
    ],
  },
  {
    name: 'Northside Plumbing LLC',
    email: 'fleet@northsideplumbing.example',
    phone: '(617) 555-0100',
    notes: 'Fleet account, invoices to accounts payable.',
    vehicles: [
      { vin: vin(104, '1FT'), make: 'Ford', model: 'Transit 250', year: 2021, licensePlate: 'NSP-104', onboardingDate: '2025-06-01', odometerMiles: 63_020 },
      { vin: vin(105, '1FT'), make: 'Ford', model: 'Transit 250', year: 2021, licensePlate: 'NSP-105', onboardingDate: '2025-06-01', odometerMiles: 58_775 },
      { vin: vin(106, '3C6'), make: 'Ram', model: 'ProMaster 2500', year: 2023, licensePlate: 'NSP-106', onboardingDate: '2026-01-12', odometerMiles: 12_900 },
    ],
  },
  {
    name: 'Priya Patel',
    email: 'priya.patel@example.com',
    phone: '(857) 555-0123',
    vehicles: [{ vin: vin(107, 'JM1'), make: 'Mazda', model: 'CX-5', year: 2020, licensePlate: '2PRY 808', onboardingDate: '2026-03-02' }],
  },
  {
    name: 'Green Leaf Landscaping',
    email: 'office@greenleaf.example',
    phone: '(781) 555-0164',
    vehicles: [
      {
        vin: vin(108, '1GC'),
        make: 'Chevrolet',
        model: 'Silverado 2500HD',
        year: 2018,
        licensePlate: 'GLL 7',
        onboardingDate: '2025-04-22',
        odometerMiles: 104_300,
      },
      {
        vin: vin(109, '1GC'),
        make: 'Chevrolet',
        model: 'Silverado 1500',
        year: 2015,
        licensePlate: 'GLL 3',
        onboardingDate: '2025-04-22',
        notes: 'Sold in February.',
        inactive: true,
      },
    ],
  },
  {
    name: 'Olivia Brooks',
    email: 'olivia.brooks@example.com',
    phone: null,
    notes: 'Moved out of state.',
    inactive: true,
    vehicles: [{ vin: vin(110, 'WBA'), make: 'BMW', model: '330i', year: 2016, licensePlate: 'OB 330', onboardingDate: '2025-02-10' }],
  },
]

export interface SeededBook {
  customers: Customer[]
  vehicles: Vehicle[]
}

/**
 * Fills the shop with `FRONT_DESK_BOOK` (6 customers, 10 vehicles; Olivia Brooks and the
 * 2015 Silverado are inactive) through the real channels. For screenshots and for tests
 * that need a realistic list rather than one row.
 */
export async function seedFrontDesk(shop: ShopHttpClient, book: CustomerSeed[] = FRONT_DESK_BOOK): Promise<SeededBook> {
  const customers: Customer[] = []
  const vehicles: Vehicle[] = []
  for (const { vehicles: owned, inactive, ...fields } of book) {
    const customer = await shop.call('customers.create', fields)
    for (const { inactive: retired, ...v } of owned) {
      let vehicle = await shop.call('vehicles.create', { ...v, customerId: customer.id })
      if (inactive || retired) vehicle = await shop.call('vehicles.setStatus', { id: vehicle.id, status: 'inactive' })
      vehicles.push(vehicle)
    }
    customers.push(inactive ? await shop.call('customers.setActive', { id: customer.id, active: false }) : customer)
  }
  return { customers, vehicles }
}
