/**
 * react-big-calendar with its drag-and-drop addon.
 *
 * The addon ships as CommonJS; under Vite with `"type": "module"` its default import arrives
 * wrapped once or twice depending on the build, so unwrap it by hand and type it here, once.
 */
import type { ComponentType } from 'react'
import { Calendar, type CalendarProps } from 'react-big-calendar'
import * as dnd from 'react-big-calendar/lib/addons/dragAndDrop'
import type withDragAndDropType from 'react-big-calendar/lib/addons/dragAndDrop'
import type { withDragAndDropProps } from 'react-big-calendar/lib/addons/dragAndDrop'
import 'react-big-calendar/lib/css/react-big-calendar.css'
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css'
import type { CalendarEvent, CalendarResource } from './calendar-events'

type WithDragAndDrop = typeof withDragAndDropType
interface CjsModule {
  default?: WithDragAndDrop | { default?: WithDragAndDrop }
}

function unwrap(mod: CjsModule): WithDragAndDrop {
  const first = mod.default
  if (typeof first === 'function') return first
  if (first && typeof first.default === 'function') return first.default
  throw new Error('react-big-calendar drag-and-drop addon did not load')
}

const withDragAndDrop = unwrap(dnd as unknown as CjsModule)

export const DnDCalendar: ComponentType<CalendarProps<CalendarEvent, CalendarResource> & withDragAndDropProps<CalendarEvent, CalendarResource>> =
  withDragAndDrop<CalendarEvent, CalendarResource>(Calendar)
