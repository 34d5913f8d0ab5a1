import { useState } from 'react'
import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type DateOrder,
  type ImportField,
  type ImportFile,
  type ImportPreview,
  type ImportProblem,
  type ImportRunResult,
} from '../../../../shared/domain/import'
import { call } from '../../shared/data/shop'
import { useChannelMutation } from '../../shared/data/queries'
import { useProgress } from '../../shared/data/use-progress'
import { Notice } from '../../shared/ui/Notice'
import { readImportFile } from './read-import-file'

const JOB = 'import'
const DATE_ORDERS = [
  { value: 'auto', label: 'Decide from the file' },
  { value: 'mdy', label: 'Month first (03/04 = Mar 4)' },
  { value: 'dmy', label: 'Day first (03/04 = 3 Apr)' },
] satisfies { value: DateOrder; label: string }[]
const isDateOrder = (v: string): v is DateOrder => DATE_ORDERS.some((o) => o.value === v)

type Fields = Partial<Record<ImportField, number>>

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function summary(c: ImportRunResult | ImportPreview['counts']): string {
  const parts = [
    plural(c.customers, 'new customer'),
    plural(c.vehicles, 'vehicle'),
    plural(c.readings, 'odometer reading'),
    plural(c.services, 'last service', 'last services'),
  ]
  return parts.join(', ')
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Brings an existing fleet in: choose a CSV or Excel file, match its columns (guessed from
 * the headers), check every row, try it in a dry run, then import, all or nothing, with one
 * re-plan at the end. The file is read here and parsed by the core.
 */
export function ImportWizard({ onClose }: { onClose(): void }) {
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<ImportFile | null>(null)
  const [chosen, setChosen] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [fields, setFields] = useState<Fields>({})
  const [services, setServices] = useState<Record<number, number | null>>({})
  const [dateOrder, setDateOrder] = useState<DateOrder>('auto')
  const [leaveOut, setLeaveOut] = useState(false)
  const [dryRun, setDryRun] = useState<ImportRunResult | null>(null)
  const [result, setResult] = useState<ImportRunResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [progress, restartProgress] = useProgress(JOB)
  const importRun = useChannelMutation('import.run')

  const mapping = () => ({
    fields,
    services: Object.entries(services).flatMap(([templateId, column]) => (column === null ? [] : [{ templateId: Number(templateId), column }])),
  })

  const guard = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const choose = (picked: File | null) =>
    guard(async () => {
      setChosen(picked)
      setFile(null)
      if (!picked) return
      const read = await readImportFile(picked)
      const first = await call('import.preview', { file: read, options: { dateOrder } })
      setFile(read)
      setPreview(first)
      setFields(first.mapping.fields)
      setServices(Object.fromEntries(first.templates.map((t) => [t.templateId, t.column])))
    })

  const check = () =>
    guard(async () => {
      if (!file) return
      const checked = await call('import.preview', { file, mapping: mapping(), options: { dateOrder } })
      setPreview(checked)
      setLeaveOut(false)
      setStep(2)
    })

  const run = async (dry: boolean) => {
    if (!file) return
    setRunning(true)
    restartProgress()
    await guard(async () => {
      const done = await importRun.mutateAsync({ file, mapping: mapping(), options: { dateOrder }, dryRun: dry, leaveOutProblemRows: leaveOut, job: JOB })
      if (dry) {
        setDryRun(done)
        setStep(3)
      } else setResult(done)
    })
    setRunning(false)
  }

  const fieldLabel = (field: ImportProblem['field']) => {
    if (field === null) return 'File'
    if (field.startsWith('service:')) {
      const id = Number(field.slice('service:'.length))
      return `Last ${preview?.templates.find((t) => t.templateId === id)?.name ?? 'service'}`
    }
    return IMPORT_FIELD_LABELS[field as ImportField]
  }

  const columnOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` }))
  const problems = preview?.problems ?? []
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  const dataRowsWithProblems = preview ? preview.counts.leftOut : 0
  const mappingProblem = problems.some((p) => p.row === 1)

  return (
    <Modal
      opened
      onClose={running ? () => undefined : onClose}
      withCloseButton={!running}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      title="Import customers and vehicles"
      size="xl"
    >
      <Stack gap="md">
        <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => !running && !result && setStep(s)}>
          <Stepper.Step label="File" description="CSV or Excel" />
          <Stepper.Step label="Columns" description="What each holds" />
          <Stepper.Step label="Check" description="Rows and problems" />
          <Stepper.Step label="Import" description="Dry run, then import" />
        </Stepper>

        {step === 0 && (
          <Stack gap="sm">
            <Text>
              One row per vehicle with its owner: customer name (and email, phone), VIN, make, model and model year; optionally the plate, the onboarding date,
              the last odometer reading and the last date of each maintenance service. A file of customers alone works too.
            </Text>
            <FileInput
              label="File to import"
              placeholder="Choose a .csv or .xlsx file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              value={chosen}
              onChange={(f) => void choose(f)}
              clearable
            />
            {file && preview && (
              <Text size="sm" role="status">
                {file.name}: {plural(preview.counts.rows, 'row')} and {plural(preview.headers.length, 'column')}.
              </Text>
            )}
          </Stack>
        )}

        {step === 1 && preview && (
          <Stack gap="sm">
            <Text size="sm">Columns were matched from their headers; check them. A field without a column is not imported.</Text>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              {IMPORT_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={IMPORT_FIELD_LABELS[field]}
                  placeholder="Not imported"
                  data={columnOptions}
                  value={fields[field] === undefined ? null : String(fields[field])}
                  onChange={(v) =>
                    setFields((f) => {
                      const next = { ...f }
                      if (v === null) delete next[field]
                      else next[field] = Number(v)
                      return next
                    })
                  }
                  clearable
                />
              ))}
              {preview.templates.map((t) => (
                <Select
                  key={`service-${t.templateId}`}
                  label={`Last ${t.name} (date)`}
                  placeholder="Not imported"
                  data={columnOptions}
                  value={services[t.templateId] == null ? null : String(services[t.templateId])}
                  onChange={(v) => setServices((s) => ({ ...s, [t.templateId]: v === null ? null : Number(v) }))}
                  clearable
                />
              ))}
            </SimpleGrid>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="import-date-order">
                Dates such as 03/04/2025
              </Text>
              <SegmentedControl aria-labelledby="import-date-order" data={DATE_ORDERS} value={dateOrder} onChange={(v) => isDateOrder(v) && setDateOrder(v)} />
            </Stack>
          </Stack>
        )}

        {step === 2 && preview && (
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              First rows of {file?.name}
            </Text>
            <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'First rows, scrollable' }}>
              <Table withTableBorder striped fz="xs" aria-label="First rows of the file" style={{ whiteSpace: 'nowrap' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    {preview.headers.map((h, i) => (
                      <Table.Th key={i}>{h || `Column ${i + 1}`}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.slice(0, 5).map((row, r) => (
                    <Table.Tr key={r}>
                      <Table.Td>{r + 2}</Table.Td>
                      {preview.headers.map((_, c) => (
                        <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {problems.length === 0 ? (
              <Notice tone="success" title="Every row can be imported" role="status">
                {preview.counts.rows} rows: {summary(preview.counts)}
                {preview.counts.alreadyThere > 0 ? `; ${plural(preview.counts.alreadyThere, 'row')} already in the app, left as they are` : ''}.
              </Notice>
            ) : (
              <Notice tone="error" title={mappingProblem ? 'The columns need attention' : `${plural(dataRowsWithProblems, 'row')} with problems`} role="alert">
                {mappingProblem
                  ? 'Go back to Columns and choose the missing ones.'
                  : 'Fix them in the file and choose it again, or leave those rows out. Nothing is imported while a row has a problem.'}
              </Notice>
            )}
            {problems.length > 0 && (
              <ScrollArea.Autosize mah={220} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Problems, scrollable' }}>
                <Table withTableBorder fz="sm" aria-label="Problems found">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Column</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.slice(0, 500).map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{fieldLabel(p.field)}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
            {problems.length > 500 && <Text size="sm">…and {problems.length - 500} more.</Text>}
            {problems.length > 0 && !mappingProblem && (
              <Checkbox
                label={`Leave out the ${plural(dataRowsWithProblems, 'row')} with problems and import the rest (${summary(preview.counts)})`}
                checked={leaveOut}
                onChange={(e) => setLeaveOut(e.currentTarget.checked)}
              />
            )}
          </Stack>
        )}

        {step === 3 && dryRun && !result && (
          <Notice tone="note" title="Dry run: nothing was saved" role="status">
            Importing would add {summary(dryRun)}, and plan {plural(dryRun.planned, 'activity', 'activities')}.
            {dryRun.alreadyThere > 0 ? ` ${plural(dryRun.alreadyThere, 'row')} already in the app would be left as they are.` : ''}
            {dryRun.leftOut > 0 ? ` ${plural(dryRun.leftOut, 'row')} with problems would be left out.` : ''}
          </Notice>
        )}

        {result && (
          <Notice tone="success" title="Imported" role="status">
            Added {summary(result)}, and planned {plural(result.planned, 'activity', 'activities')} in {result.seconds.toFixed(1)} s.
            {result.alreadyThere > 0 ? ` ${plural(result.alreadyThere, 'row')} already in the app were left as they are.` : ''}
          </Notice>
        )}

        {(running || (result && progress)) && (
          <Stack gap={4}>
            <Progress value={percent} animated={running} aria-label="Import progress" color={progress?.finished ? 'teal.8' : undefined} />
            <Text size="sm" aria-live="polite">
              {progress ? `${progress.label} (${progress.done} of ${progress.total})` : 'Starting…'}
            </Text>
          </Stack>
        )}

        {error && (
          <Notice tone="error" title="Not imported" role="alert">
            {error}
          </Notice>
        )}

        <Group justify="flex-end">
          {result ? (
            <Button onClick={onClose}>Done</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} disabled={running}>
                Cancel
              </Button>
              {step > 0 && (
                <Button variant="default" onClick={() => setStep(step - 1)} disabled={running || busy}>
                  Back
                </Button>
              )}
              {step === 0 && (
                <Button onClick={() => setStep(1)} disabled={!file || busy} loading={busy}>
                  Next: columns
                </Button>
              )}
              {step === 1 && (
                <Button onClick={() => void check()} loading={busy}>
                  Next: check rows
                </Button>
              )}
              {step === 2 && (
                <Button onClick={() => void run(true)} loading={running} disabled={mappingProblem || (problems.length > 0 && !leaveOut)}>
                  Dry run
                </Button>
              )}
              {step === 3 && (
                <Button onClick={() => void run(false)} loading={running} disabled={!dryRun}>
                  Import
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
