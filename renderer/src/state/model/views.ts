/**
 * The views the window can show, in the order the header's switch and the View menu list them.
 * A new view adds one line here (and its component in App.tsx).
 */
import type { View } from './session-state'

/** A view: its name on the switch and in the menu, and what it is for. */
export interface ViewInfo {
  view: View
  name: string
  title: string
  /** It works on the open document, so it needs one. */
  needsDocument?: boolean
}

export const VIEWS: readonly ViewInfo[] = [
  { view: 'annotate', name: 'Annotate', title: 'Annotate the open document in your own layer' },
  {
    view: 'review',
    name: 'Review',
    title: 'Compare colleagues’ annotations of the open document and settle each difference',
    needsDocument: true,
  },
  { view: 'agreement', name: 'Agreement', title: 'Inter-annotator agreement for the project or one document' },
  { view: 'retrieve', name: 'Retrieve', title: 'Every annotation of the project: filter, group, open, export' },
  { view: 'analysis', name: 'Analysis', title: 'Who says what about whom: actors and targets, networks, stances over time' },
]
