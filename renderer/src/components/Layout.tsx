import { AppShell, Group, NavLink, Text, Title } from '@mantine/core'
import { IconCalendar, IconCar, IconLayoutDashboard, IconSettings, IconUsers } from '@tabler/icons-react'
import { NavLink as RouterLink, Outlet } from 'react-router'

const NAV = [
  { to: '/today', label: 'Today', icon: IconLayoutDashboard },
  { to: '/calendar', label: 'Calendar', icon: IconCalendar },
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
          <Text size="sm" c="dimmed">
            {new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date())}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={RouterLink}
            to={to}
            label={label}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
