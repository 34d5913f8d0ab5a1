import { Stack, Tabs, Title } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { ActivityTypesSection } from './ActivityTypesSection'
import { BaysSection } from './BaysSection'
import { ClosuresSection } from './ClosuresSection'
import { EmailSection } from './EmailSection'
import { HoursSection } from './HoursSection'
import { NotificationsSection } from './NotificationsSection'
import { SchedulingSection } from './SchedulingSection'
import { ShopSection } from './ShopSection'
import { TechniciansSection } from './TechniciansSection'
import { TemplatesSection } from './TemplatesSection'
import { BackupsSection } from '../backups/BackupsSection'
import { CalendarAccountsSection } from '../sync/CalendarAccountsSection'
import { AutobookSection } from './AutobookSection'
import { DatabaseSection } from './DatabaseSection'

const TABS = [
  { value: 'shop', label: 'Shop', Section: ShopSection },
  { value: 'scheduling', label: 'Scheduling', Section: SchedulingAndAutobook },
  { value: 'hours', label: 'Hours', Section: HoursSection },
  { value: 'closures', label: 'Closures', Section: ClosuresSection },
  { value: 'bays', label: 'Bays', Section: BaysSection },
  { value: 'technicians', label: 'Technicians', Section: TechniciansSection },
  { value: 'types', label: 'Activity types', Section: ActivityTypesSection },
  { value: 'templates', label: 'Templates', Section: TemplatesSection },
  { value: 'database', label: 'Database', Section: DatabaseAndBackups },
  { value: 'email', label: 'Email', Section: EmailSection },
  { value: 'notifications', label: 'Notifications', Section: NotificationsSection },
  { value: 'calendars', label: 'Calendar accounts', Section: CalendarAccountsSection },
] as const
// Auto-booking's rules are scheduling rules; one more tab would wrap the tab row at 1280 px.
function SchedulingAndAutobook() {
  return (
    <Stack gap="xl">
      <SchedulingSection />
      <AutobookSection />
    </Stack>
  )
}

// Which database this desk uses and its backups: one concern, one tab (another would wrap the row).
function DatabaseAndBackups() {
  return (
    <Stack gap="xl">
      <DatabaseSection />
      <BackupsSection />
    </Stack>
  )
}

type TabValue = (typeof TABS)[number]['value']
const isTab = (v: string | null): v is TabValue => TABS.some((t) => t.value === v)
/** Links written before the tabs were merged (`?tab=backups`) still land on their tab. */
const FORMER_TABS: Record<string, TabValue> = { backups: 'database' }

/**
 * Settings, one tab a concern. The open tab lives in the URL (`#/settings?tab=hours`) so a
 * link or a reload lands on it. Only the open tab is mounted: each form starts from what
 * is stored when it is shown.
 */
export function SettingsPage() {
  const [params, setParams] = useSearchParams()
  const asked = params.get('tab')
  const requested = (asked && FORMER_TABS[asked]) ?? asked
  const tab: TabValue = isTab(requested) ? requested : 'shop'
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Settings
      </Title>
      <Tabs value={tab} onChange={(v) => isTab(v) && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Settings sections" mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Section }) => (
          <Tabs.Panel key={value} value={value}>
            <Section />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}
