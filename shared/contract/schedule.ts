import { channel } from './define'
import { scheduleSchemas as s, type ScheduleAllPreview, type ScheduleAllResult, type VehiclePlanResult } from '../domain/schedule'

export const scheduleContract = {
  'schedule.previewVehicle': channel<VehiclePlanResult>()(s.previewVehicle),
  'schedule.reconcileVehicle': channel<VehiclePlanResult>()(s.reconcileVehicle),
  'schedule.previewAll': channel<ScheduleAllPreview>()(s.previewAll),
  'schedule.applyAll': channel<ScheduleAllResult>()(s.applyAll),
}
