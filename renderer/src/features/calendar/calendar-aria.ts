import { useEffect, type RefObject } from 'react'

const VIEWS = ['.rbc-month-view', '.rbc-time-view']
const GRID_ROLES = ['table', 'rowgroup', 'row', 'cell', 'columnheader', 'gridcell', 'rowheader']
const SELECTOR = VIEWS.flatMap((v) => GRID_ROLES.flatMap((r) => [`${v}[role="${r}"]`, `${v} [role="${r}"]`])).join(', ')
const SORT_SELECTOR = VIEWS.map((v) => `${v} [aria-sort]`).join(', ')

/**
 * react-big-calendar marks its month and time grids up as ARIA tables, then puts buttons
 * ("+N more", day numbers, events) straight inside rows and header cells outside rows, which
 * breaks the table for screen readers (axe: aria-required-children/parent, critical). Without
 * the table roles each view is a labelled group of buttons in reading order, which is what it
 * really is. The library re-renders parts on its own (navigation, "+N more" measuring), so
 * this watches rather than strips once; it only touches what still needs it, so it settles.
 */
export function useFlattenCalendarAria(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = container.current
    if (!root) return
    const strip = () => {
      for (const el of root.querySelectorAll(SELECTOR)) {
        // The view keeps its label ("Month View"), which needs a role to be allowed.
        if (VIEWS.some((v) => el.matches(v))) {
          if (el.getAttribute('role') !== 'group') el.setAttribute('role', 'group')
        } else el.removeAttribute('role')
      }
      // Headers are no longer column headers, so their aria-sort has nothing to apply to.
      for (const el of root.querySelectorAll(SORT_SELECTOR)) el.removeAttribute('aria-sort')
    }
    strip()
    const observer = new MutationObserver(strip)
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-sort'] })
    return () => observer.disconnect()
  }, [container])
}
