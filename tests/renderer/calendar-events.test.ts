/**
 * Activities as react-big-calendar events (renderer/src/features/calendar/calendar-events.ts,
 * proposal-events.ts): titles, booked vs due, resource lanes, retired lanes.
 */
import { describe, expect, it } from 'vitest'
import type { Activity } from '../../shared/domain/activities'
import type { ProposedBooking } from '../../shared/domain/autobook'
import { activityTitle, canMove, resourcesFor, toCalendarEvent, UNASSIGNED } from '../../renderer/src/features/calendar/calendar-events'
import { toProposalEvent } from '../../renderer/src/features/calendar/proposal-events'
import { wallToDay, wallToTime } from '../../renderer/src/shared/time/shop-time'
import { needsBay } from '../../renderer/src/shared/ui/needs-bay'

const activity = (over: Partial<Activity> = {}): Activity => ({
  id: 1,
  vehicleId: 7,
  vehicleLabel: '2019 Honda Civic',
  licensePlate: '7KXM 412',
  customerId: 3,
  customerName: 'Dana Ortiz',
  activityTypeId: 2,
  typeName: 'Oil change',
  category: 'maintenance',
  origin: 'template',
  templateId: 1,
  occurrenceIndex: 1,
  dueDate: '2026-03-10',
  start: null,
  end: null,
  bayId: null,
  bayName: null,
  technicianId: null,
  technicianName: null,
  status: 'scheduled',
  pinned: false,
  startedAt: null,
  completedAt: null,
  completedBy: null,
  completionOdometer: null,
  completionNotes: null,
  cancelReason: null,
  notes: null,
  contactedAt: null,
  version: 1,
  urgency: null,
  ...over,
})

const bays = [
  { id: 1, name: 'Bay 1', active: true, sortOrder: 0 },
  { id: 2, name: 'Bay 2', active: true, sortOrder: 1 },
] as never
const technicians = [{ id: 5, name: 'Alex', email: null, active: true }] as never

describe('calendar events', () => {
  it('name the work, the vehicle (plate first) and the customer', () => {
    expect(activityTitle(activity())).toBe('Oil change · 7KXM 412 · 2019 Honda Civic · Dana Ortiz')
    expect(activityTitle(activity({ licensePlate: null }))).toBe('Oil change · 2019 Honda Civic · Dana Ortiz')
  })

  it("show unbooked work all day on its due date and booked work at the shop's hours", () => {
    const due = toCalendarEvent(activity(), 'America/New_York', 'shop')
    expect(due.allDay).toBe(true)
    expect(wallToDay(due.start)).toBe('2026-03-10')
    const booked = toCalendarEvent(activity({ id: 2, start: '2026-03-10T13:00:00.000Z', end: '2026-03-10T14:30:00.000Z', bayId: 2 }), 'America/New_York', 'bay')
    expect(booked.allDay).toBe(false)
    expect([wallToTime(booked.start), wallToTime(booked.end)]).toEqual(['09:00', '10:30'])
    expect(booked.resourceId).toBe(2)
  })

  it('put work in its bay or technician lane, else in the "none" lane', () => {
    const a = activity({ start: '2026-03-10T13:00:00.000Z', end: '2026-03-10T14:00:00.000Z', bayId: 1, technicianId: null })
    expect(toCalendarEvent(a, 'UTC', 'bay').resourceId).toBe(1)
    expect(toCalendarEvent(a, 'UTC', 'technician').resourceId).toBe(UNASSIGNED)
    expect(toCalendarEvent(a, 'UTC', 'shop').resourceId).toBe(UNASSIGNED)
  })

  it('convert again when the zone or grouping changes (the cache is keyed on both)', () => {
    const a = activity({ start: '2026-03-10T13:00:00.000Z', end: '2026-03-10T14:00:00.000Z', bayId: 1 })
    expect(wallToTime(toCalendarEvent(a, 'UTC', 'bay').start)).toBe('13:00')
    expect(wallToTime(toCalendarEvent(a, 'America/New_York', 'bay').start)).toBe('09:00')
    expect(toCalendarEvent(a, 'America/New_York', 'shop').resourceId).toBe(UNASSIGNED)
  })

  it('list the active lanes, then retired ones that still have work in view, then "No bay"', () => {
    expect(resourcesFor('shop', bays, technicians)).toBeUndefined()
    const lanes = resourcesFor('bay', bays, technicians, [activity({ bayId: 9, bayName: 'Old bay' }), activity({ bayId: 1 })])
    expect(lanes).toEqual([
      { id: 1, title: 'Bay 1' },
      { id: 2, title: 'Bay 2' },
      { id: 9, title: 'Old bay (retired)' },
      { id: UNASSIGNED, title: 'No bay' },
    ])
    expect(resourcesFor('technician', bays, technicians)?.map((r) => r.title)).toEqual(['Alex', 'No technician'])
  })

  it('let only work that has not started move', () => {
    expect(canMove(activity())).toBe(true)
    expect(canMove(activity({ status: 'in_progress' }))).toBe(false)
    expect(canMove(activity({ status: 'missed' }))).toBe(false)
  })

  it('mark booked open work without a bay, only in a shop that has bays', () => {
    const booked = activity({ start: '2026-03-10T13:00:00.000Z', end: '2026-03-10T14:00:00.000Z' })
    expect(needsBay(booked, true)).toBe(true)
    expect(needsBay(booked, false)).toBe(false)
    expect(needsBay({ ...booked, bayId: 1 }, true)).toBe(false)
    expect(needsBay({ ...booked, status: 'completed' }, true)).toBe(false)
    expect(needsBay(activity(), true)).toBe(false)
  })
})

describe('proposed bookings', () => {
  const proposal = {
    activityId: 4,
    vehicleId: 7,
    vehicle: '2019 Honda Civic',
    plate: '7KXM 412',
    customer: 'Dana Ortiz',
    typeName: 'Oil change',
    category: 'maintenance',
    dueDate: '2026-03-11',
    start: '2026-03-10T14:00:00.000Z',
    end: '2026-03-10T15:00:00.000Z',
    bayId: 2,
    bayName: 'Bay 2',
    technicianId: null,
    technicianName: null,
    version: 3,
  } as unknown as ProposedBooking

  it('are drawn apart from the real event (negated id), titled "Proposed", in their lane', () => {
    const e = toProposalEvent(proposal, 'America/New_York', 'bay')
    expect(e.id).toBe(-4)
    expect(e.proposed).toBe(true)
    expect(e.title).toBe('Proposed: Oil change · 7KXM 412 · 2019 Honda Civic · Dana Ortiz')
    expect(wallToTime(e.start)).toBe('10:00')
    expect(e.resourceId).toBe(2)
    expect(toProposalEvent(proposal, 'UTC', 'technician').resourceId).toBe(UNASSIGNED)
  })
})
