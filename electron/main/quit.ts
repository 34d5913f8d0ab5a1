import type { App } from 'electron'

/**
 * Holds the quit until the database is closed: the call in flight finishes, the WAL is
 * checkpointed, and only then does the process end. A second quit request goes through.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void>, onError: (error: unknown) => void): void {
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    close()
      .catch(onError)
      .finally(() => app.quit())
  })
}
