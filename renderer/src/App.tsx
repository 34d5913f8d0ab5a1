import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import { useEffect } from 'react'
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { queryClient, subscribeToChanges } from './shared/data/queries'
import { router } from './routes'
import { theme } from './theme'
import { useDatabaseStatus } from './shared/data/use-database-status'
import { RecoveryScreen } from './features/recovery/RecoveryScreen'

export function App() {
  useEffect(() => subscribeToChanges(), [])
  return (
    <MantineProvider theme={theme}>
      {/* Weeks start on Sunday, as on the calendar (localizer.ts); Mantine's pickers default to Monday. */}
      <DatesProvider settings={{ firstDayOfWeek: 0 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications position="bottom-right" />
            <DatabaseGate />
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  )
}

/** The app itself, or the recovery screen when the database must not be used. */
function DatabaseGate() {
  const status = useDatabaseStatus()
  if (status.data?.mode === 'recovery') return <RecoveryScreen status={status.data} />
  // While the status loads (one local call) the app starts as usual; a refused file answers every call with its problem anyway.
  return <RouterProvider router={router} />
}
