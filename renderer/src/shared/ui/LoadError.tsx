import { Alert, Button } from '@mantine/core'

/** A read that failed, with its reason and a way to try again. */
export function LoadError({ what, error, retry }: { what: string; error: Error; retry(): void }) {
  return (
    <Alert color="red" variant="light" title={`Could not load ${what}`} role="alert">
      {error.message}
      <Button size="xs" variant="light" color="red" ml="sm" onClick={retry}>
        Try again
      </Button>
    </Alert>
  )
}
