import { Paper, Stack, Text, Title } from '@mantine/core'

/** A page whose capability has not shipped yet says what it will hold, rather than showing nothing. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="lg" maw={640}>
        <Text fw={500}>Coming in the next release</Text>
        <Text c="dimmed" mt={4}>
          This page will show {what}.
        </Text>
      </Paper>
    </Stack>
  )
}
