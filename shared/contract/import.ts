import { channel } from './define'
import { exportSchemas, importSchemas, type CsvExport, type ImportPreview, type ImportRunResult } from '../domain/import'

export const importContract = {
  'import.preview': channel<ImportPreview>()(importSchemas.preview),
  'import.run': channel<ImportRunResult>()(importSchemas.run),
}

export const exportContract = {
  'export.csv': channel<CsvExport>()(exportSchemas.csv),
}
