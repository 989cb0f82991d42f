/**
 * The keys of a tab list (WAI-ARIA's tabs pattern): Left and Right move to the previous and next
 * tab (round the ends), Home and End to the first and last; the tab moved to is chosen and takes
 * the focus. Only the chosen tab is in the Tab order (the others get tabIndex -1).
 */
import type { KeyboardEvent } from 'react'

/** Handle a key on tab `index` of `count`; `choose(i)` makes tab i the chosen one. */
export function onTabKey(event: KeyboardEvent<HTMLElement>, index: number, count: number, choose: (i: number) => void): void {
  const next =
    event.key === 'ArrowRight'
      ? (index + 1) % count
      : event.key === 'ArrowLeft'
        ? (index - 1 + count) % count
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? count - 1
            : null
  if (next === null) return
  event.preventDefault()
  choose(next)
  const tabs = event.currentTarget.parentElement?.querySelectorAll<HTMLElement>('[role="tab"]')
  tabs?.[next]?.focus()
}
