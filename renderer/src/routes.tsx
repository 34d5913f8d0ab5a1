import { createHashRouter, Navigate } from 'react-router'
import { Layout } from './Layout'
import { ActivityPanelProvider } from './features/activity/ActivityPanel'
import { NoticeToasts } from './features/email/NoticeToasts'
import { CalendarPage } from './features/calendar/CalendarPage'
import { TodayPage } from './features/today/TodayPage'

/**
 * A page loaded when first opened: the front desk's two screens (Today, Calendar) are in the
 * app's first code, the others arrive on demand so a start compiles less (a local file, read
 * in milliseconds).
 */
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load })

// Hash routing: the packaged app loads from file://, where path routing has no server.
export const router = createHashRouter([
  // For paper: no menu or header around it (`?day=YYYY-MM-DD&by=bay|technician`).
  { path: '/day-sheet', ...page(() => import('./features/day-sheet/DaySheetPage').then((m) => ({ Component: m.DaySheetPage }))) },
  {
    path: '/',
    // The activity panel opens from any page, over any page, and links inside the router.
    element: (
      <ActivityPanelProvider>
        <NoticeToasts />
        <Layout />
      </ActivityPanelProvider>
    ),
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'capacity', ...page(() => import('./features/capacity/CapacityPage').then((m) => ({ Component: m.CapacityPage }))) },
      { path: 'vehicles', ...page(() => import('./features/vehicles/VehiclesPage').then((m) => ({ Component: m.VehiclesPage }))) },
      { path: 'vehicles/:id', ...page(() => import('./features/vehicles/VehiclePage').then((m) => ({ Component: m.VehiclePage }))) },
      { path: 'customers', ...page(() => import('./features/customers/CustomersPage').then((m) => ({ Component: m.CustomersPage }))) },
      { path: 'settings', ...page(() => import('./features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage }))) },
      { path: 'sync-log', ...page(() => import('./features/sync/SyncLogPage').then((m) => ({ Component: m.SyncLogPage }))) },
      { path: 'sync-inbox', ...page(() => import('./features/sync/SyncInboxPage').then((m) => ({ Component: m.SyncInboxPage }))) },
    ],
  },
])
