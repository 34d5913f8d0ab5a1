import { memo, useState } from 'react'
import { Alert, Button, Checkbox, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCalendarDown, IconCalendarEvent, IconChevronDown } from '@tabler/icons-react'
import type { ScheduleFile } from '../../../../shared/domain/invites'
import { call } from '../../shared/data/shop'
import { saveCalendarFile } from './save-calendar-file'
import { useProgress } from '../../shared/data/use-progress'
import { coreToday } from '../../shared/time/shop-clock'

/** Days of a range export, `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string
  to: string
}

interface Props {
  /** Offers this vehicle's upcoming schedule as well as the shop's range. */
  vehicleId?: number
  /** What the range dialog opens with (e.g. the days the calendar shows); default: a month from today. */
  range?: DayRange
  /**
   * For a row of small filters (the calendar's, full at 1280px): a small button saying only
   * "Export", its calendar icon telling what. A page header gets the full-size "Export calendar".
   */
  compact?: boolean
}

/**
 * Calendar exports: one vehicle's upcoming schedule (when `vehicleId` is given) and a date
 * range of the whole shop, each saved as one .ics file. The range can hold thousands of
 * events; the dialog follows the export's `progress` events.
 */
export const ExportMenu = memo(function ExportMenu({ vehicleId, range, compact = false }: Props) {
  const [rangeOpen, setRangeOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  const exportVehicle = async (id: number) => {
    setBusy(true)
    try {
      await saveAndReport(await call('invites.exportVehicle', { vehicleId: id }))
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size={compact ? 'xs' : 'sm'}
            loading={busy}
            leftSection={<IconCalendarDown size={14} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {compact ? 'Export' : 'Export calendar'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {vehicleId !== undefined && (
            <Menu.Item leftSection={<IconCalendarEvent size={14} aria-hidden />} onClick={() => void exportVehicle(vehicleId)}>
              This vehicle's upcoming schedule (.ics)
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconCalendarDown size={14} aria-hidden />} onClick={() => setRangeOpen(true)}>
            The shop's schedule for a date range…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {rangeOpen && <RangeExportModal initial={range ?? aMonthFromToday()} onClose={() => setRangeOpen(false)} />}
    </>
  )
})

function RangeExportModal({ initial, onClose }: { initial: DayRange; onClose: () => void }) {
  // Taken once when the dialog opens: the calendar moving behind it must not overwrite what was typed.
  const [from, setFrom] = useState<string | null>(initial.from)
  const [to, setTo] = useState<string | null>(initial.to)
  const [includeCancelled, setIncludeCancelled] = useState(false)
  const [job, setJob] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // Escape with a day picker open should close the picker only; the modal listens on the
  // window, before the picker sees the key, so it has to be told.
  const [picking, setPicking] = useState(false)
  const pickerEvents = { onOpen: () => setPicking(true), onClose: () => setPicking(false) }
  const [progress] = useProgress(job)
  const running = job !== null

  const invalid = !from || !to ? 'Choose both days.' : from > to ? 'The range ends before it starts.' : null

  const start = async () => {
    if (invalid || !from || !to) return
    const id = `invites.exportRange:${crypto.randomUUID()}`
    setProblem(null)
    setJob(id)
    try {
      const file = await call('invites.exportRange', { from, to, includeCancelled, job: id })
      if (await saveAndReport(file)) onClose()
    } catch (error) {
      setProblem(messageOf(error))
    } finally {
      setJob(null)
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  return (
    // While it runs the dialog stays: closing it would hide a job that keeps going.
    <Modal
      opened
      onClose={running ? () => undefined : onClose}
      withCloseButton={!running}
      closeOnEscape={!running && !picking}
      closeOnClickOutside={!running}
      title="Export the shop's schedule"
    >
      <Stack gap="md">
        <Text size="sm">Every activity in these days, as one calendar file any calendar app can import (for reviewing offline).</Text>
        <Group grow>
          <DateInput label="From" value={from} onChange={setFrom} valueFormat="MMM D, YYYY" disabled={running} popoverProps={pickerEvents} />
          <DateInput
            label="To"
            value={to}
            onChange={setTo}
            valueFormat="MMM D, YYYY"
            disabled={running}
            error={from && to && from > to ? invalid : undefined}
            popoverProps={pickerEvents}
          />
        </Group>
        <Checkbox
          label="Include cancelled activities"
          checked={includeCancelled}
          onChange={(e) => setIncludeCancelled(e.currentTarget.checked)}
          disabled={running}
        />
        {running && (
          <Stack gap={4} aria-live="polite">
            <Progress value={percent} animated aria-label="Export progress" />
            <Text size="xs" c="dimmed">
              {progress ? `${progress.done} of ${progress.total} events` : 'Finding the activities…'}
            </Text>
          </Stack>
        )}
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            Cancel
          </Button>
          <Button onClick={() => void start()} loading={running} disabled={invalid !== null}>
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** Saves the file and says what it holds; false when the user cancelled the save. */
async function saveAndReport(file: ScheduleFile): Promise<boolean> {
  if (!(await saveCalendarFile(file))) return false
  notifications.show({
    color: file.warnings.length > 0 ? 'yellow' : 'green',
    title: `${file.eventCount} ${file.eventCount === 1 ? 'event' : 'events'} exported`,
    message: file.warnings.length > 0 ? file.warnings.join(' ') : file.filename,
  })
  return true
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** From the shop's today (the core's clock) to a month later. */
function aMonthFromToday(): DayRange {
  const [y, m, d] = coreToday().split('-').map(Number) as [number, number, number]
  return { from: isoDay(new Date(y, m - 1, d)), to: isoDay(new Date(y, m, d)) }
}

const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
