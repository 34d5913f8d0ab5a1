/**
 * Keeping an installed app current (electron-updater): checked at start and daily, downloaded in
 * the background, installed only after the user agrees, and never while a bulk job or a sync round
 * is running (an install quits the app). The decisions live here, apart from Electron, so that a
 * test can drive them with a mocked updater.
 *
 * The feed: `SHOP_UPDATE_URL` (a generic HTTPS folder holding latest*.yml and the installers) at
 * run time, else the `publish` setting the installer was built with (generic or GitHub releases,
 * written into app-update.yml by electron-builder). Without either, updates are off.
 */

/** The part of electron-updater's `autoUpdater` this module uses. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/** What the user chose when an update was ready. */
export type UpdateChoice = 'restart-now' | 'next-restart' | 'not-now'

export interface UpdateDeps {
  updater: Updater
  /** Only packaged apps update; a development build never does. */
  packaged: boolean
  /** `SHOP_UPDATE_URL`, when set. */
  feedUrl?: string
  /** Whether the installer carries a feed of its own (app-update.yml exists). */
  hasBuiltInFeed: boolean
  isBusy(): boolean
  onIdle(listener: () => void): () => void
  ask(version: string): Promise<UpdateChoice>
  log: { info(...a: unknown[]): void; warn(...a: unknown[]): void }
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export const DAY_MS = 24 * 60 * 60 * 1000

export interface UpdateController {
  /** Why updates are off, or null when they are on. */
  readonly disabledReason: string | null
  start(): void
  stop(): void
  /** One check now (or as soon as the app is idle). */
  check(): Promise<void>
}

export function createUpdates(deps: UpdateDeps): UpdateController {
  const { updater, log } = deps
  const disabledReason = !deps.packaged
    ? 'this is a development build'
    : !deps.feedUrl && !deps.hasBuiltInFeed
      ? 'no update feed is configured (SHOP_UPDATE_URL or the installer’s publish setting)'
      : null
  let timer: unknown
  let asking = false
  const pending = new Set<() => void>()

  /** Runs `fn` now when idle, else once the running job or sync round ends. */
  const whenIdle = (fn: () => void) => {
    if (!deps.isBusy()) return fn()
    const off = deps.onIdle(() => {
      off()
      pending.delete(off)
      fn()
    })
    pending.add(off)
  }

  const check = () =>
    new Promise<void>((resolve) =>
      whenIdle(() => {
        updater.checkForUpdates().then(
          () => resolve(),
          (error: unknown) => {
            log.warn('Update check failed', error)
            resolve()
          },
        )
      }),
    )

  return {
    disabledReason,
    start() {
      if (disabledReason) {
        log.info(`Automatic updates are off: ${disabledReason}.`)
        return
      }
      if (deps.feedUrl) updater.setFeedURL({ provider: 'generic', url: deps.feedUrl })
      updater.autoDownload = true
      // Nothing is installed on quit until the user has said yes.
      updater.autoInstallOnAppQuit = false
      updater.on('error', (error) => log.warn('Update failed', error))
      updater.on('update-downloaded', (info) => {
        if (asking) return
        asking = true
        deps
          .ask(info.version)
          .then((choice) => {
            if (choice === 'restart-now') whenIdle(() => updater.quitAndInstall())
            else if (choice === 'next-restart') updater.autoInstallOnAppQuit = true
            log.info(`Update ${info.version} downloaded; the user chose ${choice}.`)
          })
          .catch((error: unknown) => log.warn('Asking about the downloaded update failed', error))
          .finally(() => (asking = false))
      })
      void check()
      timer = deps.setInterval(() => void check(), DAY_MS)
    },
    stop() {
      if (timer !== undefined) deps.clearInterval(timer)
      timer = undefined
      for (const off of pending) off()
      pending.clear()
    },
    check,
  }
}
