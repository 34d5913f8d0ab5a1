import type { ImportFile } from '../../../../shared/domain/import'

/** Bytes as base64, in slices: one `String.fromCharCode(...bytes)` of a large file overflows the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Reads the chosen file in the renderer, for the core to parse: CSV as text, an Excel
 * workbook as base64 (both transports carry JSON). Throws a message a person can act on.
 *
 * @example
 * const file = await readImportFile(input.files[0])
 */
export async function readImportFile(file: File): Promise<ImportFile> {
  if (/\.xlsx$/i.test(file.name)) {
    return { format: 'xlsx', name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) }
  }
  if (/\.(csv|txt|tsv)$/i.test(file.name)) return { format: 'csv', name: file.name, text: await file.text() }
  if (/\.xls$/i.test(file.name)) throw new Error('This is an old-style Excel file (.xls): save it as .xlsx or CSV first.')
  throw new Error('Choose a CSV file or an Excel workbook (.xlsx).')
}
