import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/universal'
import type { z } from 'zod'
import type { importFile, ImportProblem } from '../../../shared/domain/import'
import { AppError } from '../errors'

export interface SheetText {
  headers: string[]
  /** Data rows (after the header), every cell as trimmed text; `rowNumbers[i]` is row i's number in the file. */
  rows: string[][]
  rowNumbers: number[]
  problems: ImportProblem[]
}

type ParsedFile = z.output<typeof importFile>

const isBlank = (row: readonly string[]) => row.every((cell) => cell === '')

/** Excel keeps a date cell as a date: it becomes `YYYY-MM-DD`, which every date reader accepts. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  // A leading apostrophe is how spreadsheets (and our own export) keep a cell that starts
  // like a formula as text; it is not part of the value.
  return String(cell)
    .trim()
    .replace(/^'(?=[=+\-@\t\r])/, '')
}

function fromGrid(grid: unknown[][], problems: ImportProblem[]): SheetText {
  const [header = [], ...body] = grid
  const headers = header.map(cellText)
  if (headers.every((h) => h === '')) {
    throw new AppError('invalid_input', 'The file is empty: its first row should name the columns.')
  }
  const rows: string[][] = []
  const rowNumbers: number[] = []
  body.forEach((cells, i) => {
    const row = cells.map(cellText)
    if (isBlank(row)) return
    rows.push(row)
    rowNumbers.push(i + 2)
  })
  return { headers, rows, rowNumbers, problems }
}

/** Text parsed per chunk, with a turn of the event loop between chunks (a large file takes a while). */
const CSV_CHUNK_CHARS = 64 * 1024

function parseCsv(text: string): Promise<{ data: string[][]; problems: ImportProblem[] }> {
  return new Promise((resolve, reject) => {
    const data: string[][] = []
    const problems: ImportProblem[] = []
    Papa.parse<string[]>(text, {
      skipEmptyLines: false,
      chunkSize: CSV_CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        // Quoting mistakes are a row's problem; the rest of the file still reads.
        for (const e of results.errors) {
          if (e.type === 'Quotes') problems.push({ row: data.length + (e.row ?? 0) + 1, field: null, message: `Unreadable row: ${e.message}` })
        }
        for (const row of results.data) data.push(row)
        parser.pause()
        setImmediate(() => parser.resume())
      },
      complete: () => resolve({ data, problems }),
      error: (error: Error) => reject(new AppError('invalid_input', `The CSV file cannot be read: ${error.message}`)),
    })
  })
}

/**
 * Reads a CSV (papaparse: quotes, embedded line breaks, any common delimiter) or the first
 * sheet of an .xlsx (read-excel-file) into a header row and text cells.
 *
 * @example
 * const sheet = await readImportFile({ format: 'csv', name: 'fleet.csv', text })
 */
export async function readImportFile(file: ParsedFile): Promise<SheetText> {
  if (file.format === 'csv') {
    const { data, problems } = await parseCsv(file.text.replace(/^\uFEFF/, ''))
    return fromGrid(data, problems)
  }
  const bytes = Buffer.from(file.base64, 'base64')
  try {
    const grid = await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    return fromGrid(grid, [])
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `This is not an Excel workbook that can be read (${error instanceof Error ? error.message : String(error)}). Save it as .xlsx or CSV.`,
    )
  }
}
