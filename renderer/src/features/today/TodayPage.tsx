import { lazy, Suspense } from 'react'
import { Alert, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { format } from 'date-fns'
import { useChannel } from '../../shared/data/queries'
import { dayToWall, formatDay, shopToday } from '../../shared/time/shop-time'
import { useShopReference } from '../../shared/data/use-shop-reference'
import { ActivityRow, leadWidth } from './ActivityRow'
import { ContactList } from './ContactList'
import { ListCard } from './ListCard'
import { TodayBookings } from './TodayBookings'

// The charts library is a sixth of the app's code: loaded when the statistics are drawn, not at start.
const MonthStats = lazy(() => import('./MonthStats').then((m) => ({ default: m.MonthStats })))

/** Overdue rows shown before "Show all (N)": the oldest first, as the core orders them. */
const OVERDUE_SHOWN = 8

/** The front desk's dashboard: what is on today, what is late, who to call, how the month goes. */
export function TodayPage() {
  const ref = useShopReference()
  const today = useChannel('activities.today', {})
  const day = today.data?.date ?? shopToday(ref.timeZone)
  const month = { from: `${day.slice(0, 7)}-01`, to: lastOfMonth(day) }
  const stats = useChannel('activities.stats', month)
  const tz = ref.timeZone

  if (today.isPending) return <Loader aria-label="Loading today" />
  if (today.error)
    return (
      <Alert color="red" title="Could not load today">
        {today.error.message}
      </Alert>
    )
  const t = today.data

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>Today</Title>
        <Text c="dimmed">{formatDay(t.date)}</Text>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={6}>
          <Stack gap="sm">
            <TodayBookings booked={t.booked} timeZone={tz} />
            <ListCard title="Overdue" count={t.overdue.length} empty="Nothing overdue." color="red" limit={OVERDUE_SHOWN}>
              {t.overdue.map((a) => (
                <ActivityRow key={a.id} activity={a} timeZone={tz} lead="due" leadW={leadWidth(t.overdue, tz, 'due')} />
              ))}
            </ListCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={6}>
          <Stack gap="sm">
            <ListCard title="Due soon" count={t.dueSoon.length} empty="Nothing due soon." color="orange" maxHeight={180}>
              {t.dueSoon.map((a) => (
                <ActivityRow key={a.id} activity={a} timeZone={tz} lead="due" leadW={leadWidth(t.dueSoon, tz, 'due')} />
              ))}
            </ListCard>
            <ListCard title="Next 7 days" count={t.upcoming.length} empty="Nothing in the next 7 days." maxHeight={180}>
              {t.upcoming.map((a) => (
                <ActivityRow key={a.id} activity={a} timeZone={tz} lead="due" leadW={leadWidth(t.upcoming, tz, 'due')} />
              ))}
            </ListCard>
            <ContactList toContact={t.toContact} timeZone={tz} reminderDays={ref.settings?.reminderDaysBefore} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          {stats.data ? (
            <Suspense fallback={<Loader size="sm" aria-label="Loading statistics" />}>
              <MonthStats stats={stats.data} monthLabel={format(dayToWall(day), 'MMMM yyyy')} />
            </Suspense>
          ) : stats.error ? (
            <Alert color="red" title="Could not load the month's statistics">
              {stats.error.message}
            </Alert>
          ) : (
            <Loader size="sm" aria-label="Loading statistics" />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function lastOfMonth(isoDate: string): string {
  const d = dayToWall(isoDate)
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0)
  return `${isoDate.slice(0, 7)}-${String(last.getDate()).padStart(2, '0')}`
}
