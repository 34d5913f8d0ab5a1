/** Bringing an existing fleet in from a spreadsheet, and taking lists out as CSV. */
import { z } from 'zod'
import { id, safeText } from './common'

/** The columns an import understands; each may be mapped to one column of the file. */
export const IMPORT_FIELDS = [
  'customerName',
  'customerEmail',
  'customerPhone',
  'vin',
  'make',
  'model',
  'year',
  'licensePlate',
  'onboardingDate',
  'odometerMiles',
  'odometerDate',
  'notes',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export const IMPORT_FIELD_LABELS = {
  customerName: 'Customer name',
  customerEmail: 'Customer email',
  customerPhone: 'Customer phone',
  vin: 'VIN',
  make: 'Make',
  model: 'Model',
  year: 'Model year',
  licensePlate: 'License plate',
  onboardingDate: 'Onboarding date',
  odometerMiles: 'Last odometer (miles)',
  odometerDate: 'Odometer read on',
  notes: 'Vehicle notes',
} satisfies Record<ImportField, string>

/** The largest file accepted: a fleet of tens of thousands of rows fits well under it. */
export const MAX_IMPORT_CHARS = 40_000_000

/**
 * The file as the renderer read it: CSV as text, Excel as base64 (the renderer never sees
 * Node, and both transports carry JSON).
 */
export const importFile = z.discriminatedUnion('format', [
  z.object({ format: z.literal('csv'), name: safeText().min(1).max(260), text: z.string().max(MAX_IMPORT_CHARS) }),
  z.object({
    format: z.literal('xlsx'),
    name: safeText().min(1).max(260),
    base64: z
      .string()
      .max(MAX_IMPORT_CHARS)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The spreadsheet did not arrive intact (not base64)'),
  }),
])
export type ImportFile = z.input<typeof importFile>

const column = z.number().int().min(0).max(1000)

/** Which column (0-based) feeds each field; a field left out is not imported. */
export const importMapping = z.object({
  fields: z.partialRecord(z.enum(IMPORT_FIELDS), column),
  /** Last service date per maintenance template (anchors `last_completed` plans). */
  services: z
    .array(z.object({ templateId: id, column }))
    .max(50)
    .default([]),
})
export type ImportMapping = z.input<typeof importMapping>

/** How to read dates like 03/04/2025: month first (US), day first, or decided from the file. */
export const DATE_ORDERS = ['auto', 'mdy', 'dmy'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

export const importOptions = z.object({
  dateOrder: z.enum(DATE_ORDERS).default('auto'),
})

export interface ImportProblem {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number
  /** The field at fault, when one is. */
  field: ImportField | `service:${number}` | null
  message: string
}

export interface ImportCounts {
  /** Data rows in the file (blank rows not counted). */
  rows: number
  customers: number
  vehicles: number
  readings: number
  services: number
  /** Rows whose vehicle is already in the database with the same owner: left as they are. */
  alreadyThere: number
  /** Rows left out because they have a problem (only when asked to). */
  leftOut: number
}

export interface ImportColumnGuess {
  templateId: number
  name: string
  column: number | null
}

export interface ImportPreview {
  headers: string[]
  /** The first rows, as read (cells as text). */
  sample: string[][]
  /** The mapping used: the one asked for, or guessed from the headers. */
  mapping: { fields: Partial<Record<ImportField, number>>; services: Array<{ templateId: number; column: number }> }
  /** Every maintenance template a last-service column can feed. */
  templates: ImportColumnGuess[]
  /** How dates like 03/04/2025 were read. */
  dateOrder: 'mdy' | 'dmy'
  problems: ImportProblem[]
  /** What an import would add, if the rows with problems were left out. */
  counts: ImportCounts
}

export interface ImportRunResult extends ImportCounts {
  dryRun: boolean
  /** Activities the one re-plan at the end added (or would add, on a dry run). */
  planned: number
  seconds: number
}

export const importSchemas = {
  preview: z.object({
    file: importFile,
    mapping: importMapping.optional(),
    options: importOptions.default({ dateOrder: 'auto' }),
    sampleRows: z.number().int().min(1).max(50).default(10),
  }),
  run: z.object({
    file: importFile,
    mapping: importMapping,
    options: importOptions.default({ dateOrder: 'auto' }),
    /** True: everything is done and then rolled back, so the counts are exact and nothing stays. */
    dryRun: z.boolean(),
    /** False refuses the whole import while any row has a problem; true leaves those rows out. */
    leaveOutProblemRows: z.boolean().default(false),
    /** Names the `progress` events, so the screen that asked can follow them. */
    job: safeText().min(1).max(100).default('import'),
  }),
}

export const EXPORT_KINDS = ['customers', 'vehicles', 'activities'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export interface CsvExport {
  fileName: string
  mimeType: 'text/csv'
  content: string
  rows: number
}

export const exportSchemas = {
  csv: z.object({ kind: z.enum(EXPORT_KINDS), includeInactive: z.boolean().default(true) }),
}
