import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, dialog } from 'electron'
import electronUpdater from 'electron-updater'
import log from 'electron-log/main'
import type { Core } from '../core'
import { trackBusy } from './busy'
import { createUpdates, type UpdateChoice, type UpdateController } from './updates'

/** Binds the update decisions (updates.ts) to Electron: the real updater, a dialog, the core's events. */
export function startUpdates(core: Core, env: NodeJS.ProcessEnv): UpdateController {
  const busy = trackBusy(core.events)
  const updates = createUpdates({
    // electron-updater is CommonJS; its named export sits on the default import under ESM.
    updater: electronUpdater.autoUpdater,
    packaged: app.isPackaged,
    feedUrl: env.SHOP_UPDATE_URL || undefined,
    hasBuiltInFeed: existsSync(join(process.resourcesPath ?? '', 'app-update.yml')),
    isBusy: busy.isBusy,
    onIdle: busy.onIdle,
    ask: async (version): Promise<UpdateChoice> => {
      const { response } = await dialog.showMessageBox({
        type: 'info',
        title: 'Update ready',
        message: `Shop Scheduler ${version} is ready to install.`,
        detail: 'Installing restarts the app. Nothing you entered is lost; a job or calendar sync that is running finishes first.',
        buttons: ['Restart now', 'Install on next restart', 'Not now'],
        defaultId: 1,
        cancelId: 2,
      })
      return (['restart-now', 'next-restart', 'not-now'] as const)[response] ?? 'not-now'
    },
    log,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  })
  updates.start()
  app.on('before-quit', () => {
    updates.stop()
    busy.dispose()
  })
  return updates
}
