import { useState } from 'react'
import { Button, type ButtonProps } from '@mantine/core'
import { IconCalendarRepeat } from '@tabler/icons-react'
import { ScheduleAllModal } from './ScheduleAllModal'

/**
 * "Schedule all vehicles": opens the preview of what reconciling every plan would change,
 * then runs it with a progress bar. Drop it into any page header.
 */
export function ScheduleAllButton(props: ButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarRepeat size={18} aria-hidden />} {...props} onClick={() => setOpen(true)}>
        Schedule all vehicles
      </Button>
      {open && <ScheduleAllModal onClose={() => setOpen(false)} />}
    </>
  )
}
