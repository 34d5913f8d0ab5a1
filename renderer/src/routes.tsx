import { createHashRouter, Navigate } from 'react-router'
import { Layout } from './Layout'
import { ActivityPanelProvider } from './features/activity/ActivityPanel'
import { NoticeToasts } from './features/email/NoticeToasts'
import { CalendarPage } from './features/calendar/CalendarPage'
import { CapacityPage } from './features/capacity/CapacityPage'
import { TodayPage } from './features/today/TodayPage'
import { CustomersPage } from './features/customers/CustomersPage'
import { VehiclesPage } from './features/vehicles/VehiclesPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { VehiclePage } from './features/vehicles/VehiclePage'
import { SyncLogPage } from './features/sync/SyncLogPage'
import { DaySheetPage } from './features/day-sheet/DaySheetPage'
import { SyncInboxPage } from './features/sync/SyncInboxPage'

// Hash routing: the packaged app loads from file://, where path routing has no server.
export const router = createHashRouter([
  // For paper: no menu or header around it (`?day=YYYY-MM-DD&by=bay|technician`).
  { path: '/day-sheet', element: <DaySheetPage /> },
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
      { path: 'capacity', element: <CapacityPage /> },
      { path: 'vehicles', element: <VehiclesPage /> },
      { path: 'vehicles/:id', element: <VehiclePage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'sync-log', element: <SyncLogPage /> },
      { path: 'sync-inbox', element: <SyncInboxPage /> },
    ],
  },
])
