import { useState } from 'react'
import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import type { CapacityDay, CapacityResourceDay } from '../../../../shared/domain/autobook'
import { useChannel } from '../../shared/data/queries'
import { useShopClock } from '../../shared/data/use-shop-clock'
import { addDays, dayToWall, formatDay } from '../../shared/time/shop-time'
import { visibleRange } from '../calendar/visible-range'
import './capacity.css'

const h = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`
const shortDay = (day: string) => formatDay(day).replace(/, \d{4}$/, '')

const STATE_LABEL: Record<CapacityResourceDay['state'], string> = { ok: '', overbooked: 'overbooked', idle: 'idle', closed: 'closed' }

/**
 * Capacity, a week at a time: per bay and technician and day, booked of open hours and what is
 * free; overbooked and idle days marked; the due work not yet booked beside the free hours, so
 * a manager sees whether the week fits before it starts.
 */
export function CapacityPage() {
  const clock = useShopClock()
  const [offset, setOffset] = useState(0)
  const today = clock.today
  const week = today ? visibleRange('week', dayToWall(addDays(today, offset * 7))) : null
  const report = useChannel('autobook.capacity', week ?? { from: '', to: '' }, { enabled: week !== null, placeholderData: keepPreviousData })
  const data = report.data
  const rows = (kind: 'bays' | 'technicians') => {
    const names = new Map<number, string>()
    for (const d of data?.days ?? []) for (const r of d[kind]) names.set(r.id, r.name)
    return [...names]
  }
  const cell = (d: CapacityDay, kind: 'bays' | 'technicians', id: number) => {
    if (!d.open)
      return (
        <Table.Td key={d.day} className="shop-cap-closed">
          {d.past ? 'passed' : 'closed'}
        </Table.Td>
      )
    const r = d[kind].find((x) => x.id === id)
    if (!r) return <Table.Td key={d.day}>–</Table.Td>
    return (
      <Table.Td key={d.day} className={`shop-cap-${r.state}`} data-state={r.state}>
        <span className="shop-cap-main">
          {h(r.bookedMinutes)} / {h(r.openMinutes)}
        </span>
        <span className="shop-cap-sub">{r.state === 'ok' ? `${h(r.freeMinutes)} free` : STATE_LABEL[r.state]}</span>
      </Table.Td>
    )
  }
  const section = (kind: 'bays' | 'technicians', title: string) => (
    <>
      <Table.Tr>
        <Table.Th colSpan={8} className="shop-cap-group" scope="colgroup">
          {title}
        </Table.Th>
      </Table.Tr>
      {rows(kind).map(([id, name]) => (
        <Table.Tr key={`${kind}-${id}`}>
          <Table.Th scope="row">{name}</Table.Th>
          {data!.days.map((d) => cell(d, kind, id))}
        </Table.Tr>
      ))}
    </>
  )
  const due = data ? data.totals.dueUnbookedMinutes + data.overdueUnbookedMinutes : 0
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Capacity
        </Title>
        <Group gap="xs">
          <Button variant="default" size="xs" aria-label="Previous week" onClick={() => setOffset((o) => o - 1)}>
            <IconChevronLeft size={16} />
          </Button>
          <Button variant="default" size="xs" onClick={() => setOffset(0)}>
            This week
          </Button>
          <Button variant="default" size="xs" aria-label="Next week" onClick={() => setOffset((o) => o + 1)}>
            <IconChevronRight size={16} />
          </Button>
          {week && (
            <Text fw={600} data-testid="capacity-range">
              {shortDay(week.from)} – {shortDay(week.to)}
            </Text>
          )}
        </Group>
      </Group>
      {report.error && (
        <Alert color="red" title="Could not load the capacity" role="alert">
          {report.error.message}
        </Alert>
      )}
      {!data ? (
        <Loader size="sm" />
      ) : (
        <>
          <Text size="sm" data-testid="capacity-summary">
            Bays: {h(data.totals.bookedMinutes)} booked of {h(data.totals.openMinutes)} open, <strong>{h(data.totals.freeMinutes)} free</strong>. Due and not
            booked: <strong>{h(data.totals.dueUnbookedMinutes)}</strong> this week
            {data.overdueUnbookedMinutes > 0 && <> and {h(data.overdueUnbookedMinutes)} overdue</>}
            {' — '}
            {due <= data.totals.freeMinutes ? 'it fits.' : `${h(due - data.totals.freeMinutes)} more than is free.`}
          </Text>
          <Table withTableBorder withColumnBorders className="shop-cap" aria-label="Booked of open hours per bay and technician" aria-busy={report.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Booked / open</Table.Th>
                {data.days.map((d) => (
                  <Table.Th key={d.day} scope="col">
                    {shortDay(d.day)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section('bays', 'Bays')}
              {section('technicians', 'Technicians')}
              <Table.Tr className="shop-cap-total">
                <Table.Th scope="row">Free bay hours</Table.Th>
                {data.days.map((d) => (
                  <Table.Td key={d.day}>{d.open ? h(d.freeMinutes) : '–'}</Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr className="shop-cap-total">
                <Table.Th scope="row">Due, not booked</Table.Th>
                {data.days.map((d) => (
                  <Table.Td key={d.day} className={d.dueUnbookedMinutes > d.freeMinutes ? 'shop-cap-overbooked' : ''}>
                    {d.dueUnbookedMinutes ? h(d.dueUnbookedMinutes) : '–'}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Overbooked: more booked than the hours it is open. Idle: open with nothing booked. Today counts from opening time; days before it show as passed.
          </Text>
        </>
      )}
    </Stack>
  )
}
