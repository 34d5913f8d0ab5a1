import { createHashRouter, Navigate } from 'react-router'
import { Layout } from './components/Layout'
import { ComingSoon } from './components/ComingSoon'
import { CustomersPage } from './pages/CustomersPage'
import { VehiclesPage } from './pages/VehiclesPage'
import { SettingsPage } from './pages/SettingsPage'
import { VehiclePage } from './pages/VehiclePage'

// Hash routing: the packaged app loads from file://, where path routing has no server.
export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      {
        path: 'today',
        element: <ComingSoon title="Today" what="today's bookings by bay and technician, overdue and due-soon work, customers to contact and the month's statistics" />,
      },
      {
        path: 'calendar',
        element: <ComingSoon title="Calendar" what="month, week, day and agenda calendars by bay or technician, with drag-and-drop booking" />,
      },
      { path: 'vehicles', element: <VehiclesPage /> },
      { path: 'vehicles/:id', element: <VehiclePage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'settings', element: <SettingsPage /> },
    ],
  },
])
