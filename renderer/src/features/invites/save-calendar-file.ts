import type { CalendarFile } from '../../../../shared/domain/invites'

/**
 * Hands a calendar file to the host: the Electron save dialog, or a download through the
 * bridge. Resolves false when the user cancelled the dialog.
 *
 * @example
 * if (await saveCalendarFile(file)) notifications.show({ message: 'Saved' })
 */
export async function saveCalendarFile(file: CalendarFile): Promise<boolean> {
  const result = await window.shop.platform.saveFile({
    suggestedName: file.filename,
    content: file.content,
    mimeType: file.mimeType,
  })
  return result.saved
}
