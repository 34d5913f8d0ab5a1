import { createHashRouter, Navigate } from 'react-router'
import { Layout } from './components/Layout'
import { ActivityPanelProvider } from './components/activity/ActivityPanel'
import { NoticeToasts } from './components/email/NoticeToasts'
import { CalendarPage } from './pages/CalendarPage'
import { CapacityPage } from './pages/CapacityPage'
import { TodayPage } from './pages/TodayPage'
import { CustomersPage } from './pages/CustomersPage'
import { VehiclesPage } from './pages/VehiclesPage'
import { SettingsPage } from './pages/SettingsPage'
import { VehiclePage } from './pages/VehiclePage'
import { SyncLogPage } from './pages/SyncLogPage'
import { SyncInboxPage } from './pages/SyncInboxPage'
import { DaySheetPage } from './pages/DaySheetPage'

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
