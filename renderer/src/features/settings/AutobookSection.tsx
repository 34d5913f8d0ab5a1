import { useState } from 'react'
import { Button, Checkbox, Group, NumberInput, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { CATEGORIES, type Category } from '../../../../shared/domain/activity-types'
import type { AutobookSettings } from '../../../../shared/domain/autobook'
import { useChannel, useChannelMutation } from '../../shared/data/queries'
import { SectionFrame } from '../../shared/ui/SectionFrame'
import { CATEGORY_LABEL } from './categories'

const failed = (error: unknown) => notifications.show({ color: 'red', title: 'Not saved', message: error instanceof Error ? error.message : String(error) })

/**
 * Settings → Auto-booking: what "Fill the week" keeps to. The buffer and the visit window are
 * saved with the button; a technician's categories as each box is ticked.
 */
export function AutobookSection() {
  const settings = useChannel('autobook.getSettings', {})
  return (
    <SectionFrame
      title="Auto-booking"
      description={'What "Fill the week" on the calendar keeps to when it proposes bookings.'}
      loading={settings.isPending}
      error={settings.error}
    >
      {settings.data && <AutobookForm settings={settings.data} />}
    </SectionFrame>
  )
}

function AutobookForm({ settings }: { settings: AutobookSettings }) {
  const [buffer, setBuffer] = useState<number | string>(settings.bufferMinutes)
  const [groupDays, setGroupDays] = useState<number | string>(settings.groupDays)
  const update = useChannelMutation('autobook.updateSettings')
  const setCategories = useChannelMutation('autobook.setTechnicianCategories')
  const save = async () => {
    try {
      await update.mutateAsync({ bufferMinutes: Number(buffer), groupDays: Number(groupDays) })
      notifications.show({ color: 'green', message: 'Auto-booking settings saved' })
    } catch (error) {
      failed(error)
    }
  }
  const choose = async (technicianId: number, categories: Category[] | null) => {
    try {
      await setCategories.mutateAsync({ technicianId, categories })
    } catch (error) {
      failed(error)
    }
  }
  return (
    <>
      <Group align="flex-end" gap="md">
        <NumberInput
          label="Buffer between jobs (minutes)"
          description="Kept free on a bay and a technician between two vehicles."
          min={0}
          max={240}
          step={5}
          value={buffer}
          onChange={setBuffer}
          w={260}
        />
        <NumberInput
          label="One visit within (days)"
          description="A vehicle's work due this close together is booked back to back."
          min={0}
          max={14}
          value={groupDays}
          onChange={setGroupDays}
          w={260}
        />
        <Button onClick={save} loading={update.isPending}>
          Save auto-booking
        </Button>
      </Group>
      <Text size="sm" fw={600} mt="sm" id="tech-categories-title">
        Work each technician does
      </Text>
      {settings.technicians.length === 0 ? (
        <Text size="sm" c="dimmed">
          No active technicians yet.
        </Text>
      ) : (
        <Table aria-labelledby="tech-categories-title" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Technician</Table.Th>
              <Table.Th>Every kind</Table.Th>
              {CATEGORIES.map((c) => (
                <Table.Th key={c}>{CATEGORY_LABEL[c]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.technicians.map((t) => {
              const mine = t.categories
              return (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t.name}: every kind of work`}
                      checked={mine === null}
                      disabled={setCategories.isPending}
                      onChange={(e) => void choose(t.id, e.currentTarget.checked ? null : [...CATEGORIES])}
                    />
                  </Table.Td>
                  {CATEGORIES.map((c) => {
                    const on = mine === null || mine.includes(c)
                    const next = (mine ?? [...CATEGORIES]).filter((x) => x !== c)
                    return (
                      <Table.Td key={c}>
                        <Checkbox
                          aria-label={`${t.name}: ${CATEGORY_LABEL[c]}`}
                          checked={on}
                          // The last one cannot go: such a technician could never be booked.
                          disabled={setCategories.isPending || (on && next.length === 0)}
                          onChange={(e) => void choose(t.id, e.currentTarget.checked ? [...(mine ?? []), c] : next)}
                        />
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
