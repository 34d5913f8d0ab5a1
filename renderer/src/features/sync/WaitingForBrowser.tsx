import { Anchor, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core'
import type { WaitingConnect } from './connect-flow'
import { providerName } from './format'

/** "Waiting for the browser…": the sign-in runs in the system browser; this says so and offers a way out. */
export function WaitingForBrowser({ waiting, onCancel }: { waiting: WaitingConnect; onCancel: () => void }) {
  return (
    <Paper withBorder p="md" role="status" aria-label="Waiting for the browser">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Loader size="sm" mt={2} aria-hidden />
          <Stack gap={4}>
            <Text fw={600}>Waiting for the browser…</Text>
            <Text size="sm">
              Sign in to {providerName(waiting.provider)} in the browser window that opened and allow access to the calendars. This page updates by itself when
              you are done.
            </Text>
            <Text size="sm">
              No window?{' '}
              <Anchor href={waiting.authorizeUrl} target="_blank" rel="noreferrer" underline="always">
                Open the sign-in page
              </Anchor>
            </Text>
          </Stack>
        </Group>
        <Button variant="default" onClick={onCancel} style={{ flexShrink: 0 }}>
          Cancel
        </Button>
      </Group>
    </Paper>
  )
}
