import { AppShell, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core'
import { IconCalendar, IconCar, IconGauge, IconLayoutDashboard, IconSettings, IconUsers } from '@tabler/icons-react'
import { NavLink as RouterLink, Outlet } from 'react-router'
import { browserZone } from './shared/time/shop-clock'
import { useShopClock } from './shared/data/use-shop-clock'
import { WorkerMenu } from './features/desk/WorkerMenu'
import { SyncBanner, SyncHeaderStatus } from './features/sync/SyncFrame'
import { OfflineBanner } from './features/recovery/OfflineBanner'

const NAV = [
  { to: '/today', label: 'Today', icon: IconLayoutDashboard },
  { to: '/calendar', label: 'Calendar', icon: IconCalendar },
  { to: '/capacity', label: 'Capacity', icon: IconGauge },
  { to: '/vehicles', label: 'Vehicles', icon: IconCar },
  { to: '/customers', label: 'Customers', icon: IconUsers },
  { to: '/settings', label: 'Settings', icon: IconSettings },
] as const

export function Layout() {
  return (
    <AppShell navbar={{ width: 210, breakpoint: 0 }} header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            Shop Scheduler
          </Title>
          <Group gap="lg" wrap="nowrap">
            <SyncHeaderStatus />
            <WorkerMenu />
            <ShopDate />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink key={to} component={RouterLink} to={to} label={label} leftSection={<Icon size={18} stroke={1.6} aria-hidden />} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <OfflineBanner />
        <SyncBanner />
        <ClockGate />
      </AppShell.Main>
    </AppShell>
  )
}

/** Today in the shop by the core's clock; with the zone named when this computer's differs. */
function ShopDate() {
  const clock = useShopClock()
  if (!clock.today || !clock.timeZone) return null
  const elsewhere = clock.timeZone !== browserZone()
  return (
    <Stack gap={0} align="flex-end" data-testid="shop-date">
      <Text size="sm" c="dimmed">
        {new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${clock.today}T12:00:00Z`))}
      </Text>
      {elsewhere && (
        <Text size="xs" c="dimmed">
          Shop time ({clock.timeZone})
        </Text>
      )}
    </Stack>
  )
}

/** Pages read "now" and "today" from the core's clock: they wait for its first answer. */
function ClockGate() {
  const clock = useShopClock()
  if (clock.isError) return <Outlet />
  if (!clock.data) return <Loader size="sm" aria-label="Loading" />
  return <Outlet />
}
