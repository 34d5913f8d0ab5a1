import { useState } from 'react'
import { Anchor, Button, Divider, Group, Popover, Stack, Text, TextInput } from '@mantine/core'
import { IconChevronDown, IconUser } from '@tabler/icons-react'
import { channelKey, queryClient, useChannel, useChannelMutation } from '../../shared/data/queries'

/**
 * "Working: <name>" in the header: who sits at this desk, named in the history of every
 * change made here from then on. Kept by the desk (a file of its own), not in the shop's
 * database; until someone is chosen the computer's account is named.
 */
export function WorkerMenu() {
  const desk = useChannel('desk.get', {})
  const technicians = useChannel('technicians.list', {})
  const setWorker = useChannelMutation('desk.setWorker')
  const [opened, setOpened] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  if (!desk.data) return null
  const { worker, fallback, actor } = desk.data

  const choose = async (name: string | null) => {
    setError(null)
    try {
      const state = await setWorker.mutateAsync({ name })
      // Shown at once; the `changed` event refreshes any other reader.
      queryClient.setQueryData(channelKey('desk.get', {}), state)
      setTyped('')
      setOpened(false)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={260} trapFocus returnFocus withArrow>
      <Popover.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconUser size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          onClick={() => setOpened((o) => !o)}
          aria-haspopup="dialog"
          aria-expanded={opened}
          data-testid="desk-worker"
          title={worker ? 'Changes made here are recorded under this name' : "No one chosen: changes are recorded under this computer's account"}
        >
          Working: {actor}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-labelledby="desk-worker-title">
        <Stack gap="xs">
          <div>
            <Text size="sm" fw={600} id="desk-worker-title">
              Who is working at this desk?
            </Text>
            <Text size="xs" c="dimmed">
              Every change made here is recorded under this name.
            </Text>
          </div>
          {(technicians.data ?? []).length > 0 && (
            <Stack gap={2} role="group" aria-label="Technicians">
              {(technicians.data ?? []).map((t) => (
                <Button
                  key={t.id}
                  variant={t.name === worker ? 'light' : 'subtle'}
                  justify="flex-start"
                  size="compact-sm"
                  aria-pressed={t.name === worker}
                  loading={setWorker.isPending && setWorker.variables?.name === t.name}
                  onClick={() => void choose(t.name)}
                >
                  {t.name}
                </Button>
              ))}
            </Stack>
          )}
          <Divider />
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (!typed.trim()) return setError('Type a name')
              void choose(typed)
            }}
            noValidate
          >
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label="Someone else"
                size="xs"
                style={{ flex: 1 }}
                value={typed}
                maxLength={100}
                onChange={(e) => setTyped(e.currentTarget.value)}
                error={error}
                data-autofocus
              />
              <Button type="submit" size="xs" loading={setWorker.isPending && setWorker.variables?.name === typed}>
                Use
              </Button>
            </Group>
          </form>
          {worker && (
            // A link-like button: it wraps, so a long account name is never cut short.
            <Anchor component="button" type="button" size="xs" c="dimmed" ta="left" onClick={() => void choose(null)}>
              Use this computer&apos;s account ({fallback})
            </Anchor>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
