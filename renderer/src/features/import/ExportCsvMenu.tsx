import { useState } from 'react'
import { Button, Menu } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileExport } from '@tabler/icons-react'
import type { ExportKind } from '../../../../shared/domain/import'
import { call } from '../../shared/data/shop'

const LABELS = {
  customers: 'Customers',
  vehicles: 'Vehicles',
  activities: 'Activities (all work)',
} satisfies Record<ExportKind, string>

/**
 * Saves a list as CSV for a spreadsheet: the page's own list first, the others below. The
 * vehicles file uses the import's column names, so it can be brought back in.
 */
export function ExportCsvMenu({ first }: { first: ExportKind }) {
  const [busy, setBusy] = useState(false)
  const kinds: ExportKind[] = [first, ...(['customers', 'vehicles', 'activities'] as const).filter((k) => k !== first)]

  const save = async (kind: ExportKind) => {
    setBusy(true)
    try {
      const file = await call('export.csv', { kind })
      const saved = await window.shop.platform.saveFile({ suggestedName: file.fileName, content: file.content, mimeType: file.mimeType })
      if (saved.saved) {
        notifications.show({
          color: 'teal',
          title: 'Exported',
          closeButtonProps: { 'aria-label': 'Dismiss' },
          message: `${file.rows} rows saved to ${saved.path ?? file.fileName}.`,
        })
      }
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Export failed',
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: error instanceof Error ? error.message : String(error),
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          loading={busy}
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Export CSV
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {kinds.map((kind) => (
          <Menu.Item key={kind} onClick={() => void save(kind)}>
            {LABELS[kind]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
