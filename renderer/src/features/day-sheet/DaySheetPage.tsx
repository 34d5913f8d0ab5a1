import { Alert, Button, Group, Loader, SegmentedControl, Text } from '@mantine/core'
import { IconArrowLeft, IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { Link, useSearchParams } from 'react-router'
import type { Activity } from '../../../../shared/domain/activities'
import { formatSpanText, formatStampText } from '../../../../shared/format-dates'
import { useChannel } from '../../shared/data/queries'
import { coreNow, coreToday } from '../../shared/time/shop-clock'
import { useShopReference } from '../../shared/data/use-shop-reference'
import './day-sheet.css'

type By = 'bay' | 'technician'

interface Sheet {
  key: string
  title: string
  jobs: Activity[]
}

/** Booked, not cancelled work of the day, by start; grouped into one sheet per bay or technician. */
function sheetsOf(activities: Activity[], by: By, lanes: { id: number; name: string }[]): Sheet[] {
  const booked = activities.filter((a) => a.start && a.end && a.status !== 'cancelled').sort((a, b) => a.start!.localeCompare(b.start!))
  const laneOf = (a: Activity) => (by === 'bay' ? a.bayId : a.technicianId)
  const sheets: Sheet[] = lanes.map((l) => ({ key: String(l.id), title: l.name, jobs: booked.filter((a) => laneOf(a) === l.id) }))
  // Work on a retired lane or on none still gets its sheet: nothing booked that day is left off.
  const known = new Set(lanes.map((l) => l.id))
  const others = booked.filter((a) => laneOf(a) === null || !known.has(laneOf(a)!))
  if (others.length) sheets.push({ key: 'none', title: by === 'bay' ? 'No bay or a retired bay' : 'No technician or a retired one', jobs: others })
  return sheets.filter((s) => s.jobs.length > 0)
}

async function savePdf(day: string, by: By): Promise<void> {
  try {
    const saved = await window.shop.platform.printToPdf(`Day sheet ${day} per ${by}.pdf`)
    if (saved.saved) notifications.show({ color: 'green', message: `Saved ${saved.path ?? 'the day sheet'}` })
  } catch (error) {
    notifications.show({ color: 'red', title: 'Could not save the PDF', message: error instanceof Error ? error.message : String(error) })
  }
}

const longDay = (day: string) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))

/**
 * The workshop's day sheet: per bay (or technician), the day's jobs with time, vehicle, plate,
 * customer, work and notes, and a line to sign each off. One printed page per bay; the
 * buttons and this page's own controls are left off the paper (day-sheet.css).
 */
export function DaySheetPage() {
  const [params, setParams] = useSearchParams()
  const ref = useShopReference()
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? params.get('day')! : coreToday(ref.timeZone)
  const by: By = params.get('by') === 'technician' ? 'technician' : 'bay'
  const activities = useChannel('activities.range', { from: day, to: day })
  const lanes = by === 'bay' ? ref.bays.map((b) => ({ id: b.id, name: b.name })) : ref.technicians.map((t) => ({ id: t.id, name: t.name }))
  const sheets = activities.data ? sheetsOf(activities.data, by, lanes) : []
  const shopName = ref.settings?.shopName || 'Shop Scheduler'

  return (
    <main className="day-sheet" aria-label="Day sheet">
      <Group className="day-sheet-controls" justify="space-between" mb="md">
        <Button component={Link} to="/calendar" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to the calendar
        </Button>
        <Group gap="sm">
          <SegmentedControl
            aria-label="One sheet per"
            value={by}
            onChange={(v) => setParams({ day, by: v }, { replace: true })}
            data={[
              { value: 'bay', label: 'Per bay' },
              { value: 'technician', label: 'Per technician' },
            ]}
          />
          {/* In the app, Electron prints the sheet straight to a PDF file; a browser's print dialog offers that itself. */}
          {window.shop.platform.kind === 'electron' && (
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              onClick={() => void savePdf(day, by)}
              disabled={sheets.length === 0}
            >
              Save as PDF…
            </Button>
          )}
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} disabled={sheets.length === 0}>
            Print…
          </Button>
        </Group>
      </Group>
      {activities.error && (
        <Alert color="red" title="Could not load the day" role="alert">
          {activities.error.message}
        </Alert>
      )}
      {activities.isPending && <Loader size="sm" aria-label="Loading the day" />}
      {activities.data && sheets.length === 0 && <Text>Nothing is booked on {longDay(day)}.</Text>}
      {sheets.map((sheet) => (
        <section key={sheet.key} className="day-sheet-page" aria-labelledby={`sheet-${sheet.key}`}>
          <header className="day-sheet-header">
            <h1 id={`sheet-${sheet.key}`}>
              {sheet.title} — {longDay(day)}
            </h1>
            <p>
              {shopName} · {sheet.jobs.length} {sheet.jobs.length === 1 ? 'job' : 'jobs'} · printed {formatStampText(coreNow(), ref.timeZone)}
            </p>
          </header>
          <table className="day-sheet-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Vehicle</th>
                <th scope="col">Plate</th>
                <th scope="col">Customer</th>
                <th scope="col">Work</th>
                <th scope="col">{by === 'bay' ? 'Technician' : 'Bay'}</th>
                <th scope="col">Notes</th>
                <th scope="col">Done (sign)</th>
              </tr>
            </thead>
            <tbody>
              {sheet.jobs.map((a) => (
                <tr key={a.id}>
                  <td className="day-sheet-line">{formatSpanText(a.start!, a.end!, ref.timeZone)}</td>
                  <td className="day-sheet-line">{a.vehicleLabel}</td>
                  <td className="day-sheet-line">{a.licensePlate ?? '—'}</td>
                  <td className="day-sheet-line">{a.customerName}</td>
                  <td className="day-sheet-line">{a.typeName}</td>
                  <td className="day-sheet-line">{(by === 'bay' ? a.technicianName : a.bayName) ?? '—'}</td>
                  <td className="day-sheet-notes">{a.notes ?? ''}</td>
                  <td className="day-sheet-sign" aria-label="Sign-off line" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  )
}
