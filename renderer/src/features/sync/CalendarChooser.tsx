import { useState } from 'react'
import { Select, SimpleGrid, Stack, Text } from '@mantine/core'
import type { SyncAccount, SyncCalendar } from '../../../../shared/domain/sync'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { FormProblem } from '../../shared/ui/FormProblem'

const NONE = ''

/**
 * Which of the account's calendars shows the shop's bookings (all of them) and which shows
 * each technician's (theirs; their other events there become busy time). One calendar, one role.
 */
export function CalendarChooser({ account, chosen }: { account: SyncAccount; chosen: SyncCalendar[] }) {
  const remote = useChannel('sync.remoteCalendars', { accountId: account.id }, { staleTime: 60_000 })
  const technicians = useChannel('technicians.list', {})
  const [saving, setSaving] = useState<string | null>(null)
  const removeCalendar = useChannelMutation('sync.removeCalendar')
  const chooseCalendar = useChannelMutation('sync.chooseCalendar')
  const [problem, setProblem] = useState<string | null>(null)
  const mine = chosen.filter((c) => c.accountId === account.id)
  const shopCalendar = mine.find((c) => c.role === 'shop') ?? null
  const techCalendar = (technicianId: number) => mine.find((c) => c.role === 'technician' && c.technicianId === technicianId) ?? null

  const choose = async (slot: string, current: SyncCalendar | null, remoteId: string, role: 'shop' | 'technician', technicianId: number | null) => {
    if ((current?.remoteId ?? NONE) === remoteId) return
    setProblem(null)
    setSaving(slot)
    try {
      if (current) await removeCalendar.mutateAsync({ calendarId: current.id })
      if (remoteId !== NONE) {
        const summary = remote.data?.find((r) => r.remoteId === remoteId)?.summary
        await chooseCalendar.mutateAsync({ accountId: account.id, remoteId, role, technicianId, ...(summary ? { summary } : {}) })
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setSaving(null)
    }
  }

  if (remote.error) return <FormProblem message={`The calendars of this account could not be read: ${remote.error.message}`} />
  const options = (keep: string | null) => [
    { value: NONE, label: 'None' },
    ...(remote.data ?? []).map((r) => ({
      value: r.remoteId,
      label: r.primary ? `${r.summary} (main calendar)` : r.summary,
      // A calendar holds one role: the shop's, or one technician's.
      disabled: r.remoteId !== keep && mine.some((c) => c.remoteId === r.remoteId),
    })),
  ]
  return (
    <Stack gap="xs">
      <FormProblem message={problem} />
      <Select
        label="Shop bookings go to"
        description="Every booking appears on this calendar."
        data={options(shopCalendar?.remoteId ?? null)}
        value={shopCalendar?.remoteId ?? NONE}
        onChange={(v) => void choose('shop', shopCalendar, v ?? NONE, 'shop', null)}
        disabled={remote.isPending || saving !== null}
        placeholder={remote.isPending ? 'Reading the calendars…' : undefined}
        allowDeselect={false}
        maw={420}
      />
      {(technicians.data ?? []).length > 0 && (
        <>
          <Text size="sm" fw={500} mt="xs">
            Each technician’s bookings go to
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {technicians.data!.map((t) => {
              const current = techCalendar(t.id)
              return (
                <Select
                  key={t.id}
                  label={t.name}
                  data={options(current?.remoteId ?? null)}
                  value={current?.remoteId ?? NONE}
                  onChange={(v) => void choose(`tech-${t.id}`, current, v ?? NONE, 'technician', t.id)}
                  disabled={remote.isPending || saving !== null}
                  allowDeselect={false}
                />
              )
            })}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            A technician’s other events on their calendar count as busy time when booking them.
          </Text>
        </>
      )}
    </Stack>
  )
}
