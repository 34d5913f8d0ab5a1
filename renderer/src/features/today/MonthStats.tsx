import '@mantine/charts/styles.css'
import { BarChart, DonutChart } from '@mantine/charts'
import { Card, Group, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { ACTIVITY_STATUSES, type ActivityStats } from '../../../../shared/domain/activities'
import { CATEGORIES } from '../../../../shared/domain/activity-types'
import { CATEGORY_LABEL, STATUS_COLOR, STATUS_LABEL } from '../../shared/ui/appearance'

const CATEGORY_COLOR = { inspection: 'indigo.6', maintenance: 'teal.7', repair: 'orange.7', other: 'gray.6' } as const

/**
 * The month in numbers: work by status (bars), by category (donut) and the completion rate.
 * Each chart has its figures in text beside it, which is what screen readers and the keyboard
 * get; the drawings themselves are inert (recharts would otherwise add focus stops to them).
 */
export function MonthStats({ stats, monthLabel }: { stats: ActivityStats; monthLabel: string }) {
  const statusRow = Object.fromEntries(ACTIVITY_STATUSES.map((s) => [STATUS_LABEL[s], stats.byStatus[s]]))
  const rate = stats.completionRate
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="month-stats-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="month-stats-title">
          {monthLabel}: {stats.total} activities
        </Title>
      </Group>
      <SimpleGrid cols={3} spacing="md">
        <Stack gap={4} align="center">
          <RingProgress
            size={120}
            thickness={12}
            roundCaps
            sections={[{ value: rate === null ? 0 : Math.round(rate * 100), color: 'teal' }]}
            label={
              <Text ta="center" fw={700} size="lg">
                {rate === null ? '—' : `${Math.round(rate * 100)}%`}
              </Text>
            }
            aria-hidden
          />
          <Text size="sm" ta="center">
            Completion rate{rate === null ? ': nothing due yet' : `: ${Math.round(rate * 100)}%`}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            By status
          </Text>
          <div inert>
            <BarChart
              h={130}
              data={[{ month: monthLabel, ...statusRow }]}
              dataKey="month"
              series={ACTIVITY_STATUSES.map((s) => ({ name: STATUS_LABEL[s], color: `${STATUS_COLOR[s]}.7` }))}
              withXAxis={false}
              withTooltip={false}
              gridAxis="y"
              // Counts: whole numbers on the axis, each bar's figure on it, and a sliver for a
              // zero so that "none" reads as a bar of nothing, not as a missing bar.
              yAxisProps={{ allowDecimals: false, width: 28 }}
              withBarValueLabel
              valueFormatter={(v: number) => String(v)}
              valueLabelProps={{ position: 'top', fontSize: 11, fill: 'var(--mantine-color-dark-7)' }}
              barProps={{ radius: 2, minPointSize: 3 }}
            />
          </div>
          <Figures entries={ACTIVITY_STATUSES.map((s) => [STATUS_LABEL[s], stats.byStatus[s], `${STATUS_COLOR[s]}.7`])} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            By category
          </Text>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <div inert>
              <DonutChart
                size={110}
                thickness={18}
                withTooltip={false}
                data={CATEGORIES.map((c) => ({ name: CATEGORY_LABEL[c], value: stats.byCategory[c], color: CATEGORY_COLOR[c] }))}
              />
            </div>
            <Figures entries={CATEGORIES.map((c) => [CATEGORY_LABEL[c], stats.byCategory[c], CATEGORY_COLOR[c]])} />
          </Group>
        </Stack>
      </SimpleGrid>
    </Card>
  )
}

function Figures({ entries }: { entries: [string, number, string][] }) {
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map(([label, value, color]) => (
        <Group key={label} gap={6} component="li" wrap="nowrap">
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${color.replace('.', '-')})` }} />
          <Text size="xs">
            {label}: <b>{value}</b>
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
