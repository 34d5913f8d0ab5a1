import { channel } from './define'
import {
  referenceSchemas as s,
  type ActivityType,
  type Bay,
  type Closure,
  type MaintenanceTemplate,
  type OdometerReading,
  type Settings,
  type ShopDay,
  type Technician,
} from '../domain/reference'

export const settingsContract = {
  'settings.get': channel<Settings>()(s.settingsGet),
  'settings.update': channel<Settings>()(s.settingsUpdate),
}

export const hoursContract = {
  'hours.get': channel<ShopDay[]>()(s.hoursGet),
  'hours.set': channel<ShopDay[]>()(s.hoursSet),
}

export const closuresContract = {
  'closures.list': channel<Closure[]>()(s.closuresList),
  'closures.create': channel<Closure>()(s.closuresCreate),
  'closures.delete': channel<{ id: number }>()(s.closuresDelete),
}

export const baysContract = {
  'bays.list': channel<Bay[]>()(s.baysList),
  'bays.create': channel<Bay>()(s.baysCreate),
  'bays.update': channel<Bay>()(s.baysUpdate),
}

export const techniciansContract = {
  'technicians.list': channel<Technician[]>()(s.techniciansList),
  'technicians.create': channel<Technician>()(s.techniciansCreate),
  'technicians.update': channel<Technician>()(s.techniciansUpdate),
}

export const activityTypesContract = {
  'activityTypes.list': channel<ActivityType[]>()(s.typesList),
  'activityTypes.create': channel<ActivityType>()(s.typesCreate),
  'activityTypes.update': channel<ActivityType>()(s.typesUpdate),
  'activityTypes.delete': channel<{ id: number }>()(s.typesDelete),
}

export const templatesContract = {
  'templates.list': channel<MaintenanceTemplate[]>()(s.templatesList),
  'templates.create': channel<MaintenanceTemplate>()(s.templatesCreate),
  'templates.update': channel<MaintenanceTemplate>()(s.templatesUpdate),
  'templates.delete': channel<{ id: number }>()(s.templatesDelete),
}

export const odometerContract = {
  'odometer.list': channel<OdometerReading[]>()(s.odometerList),
  'odometer.add': channel<OdometerReading>()(s.odometerAdd),
}
