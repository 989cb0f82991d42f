import { STATE_NAMES, type DocumentState } from '../../../shared/model/status'

const MARKS: Record<DocumentState, string> = {
  'not-started': '○',
  'in-progress': '◐',
  done: '●',
  'nothing-to-tag': '⊘',
}

/** A document status as a small mark, its name for screen readers and on hover. */
export function StatusMark({ state }: { state: DocumentState }) {
  return (
    <span className={`status-mark status-${state}`} title={STATE_NAMES[state]} role="img" aria-label={STATE_NAMES[state]}>
      {MARKS[state]}
    </span>
  )
}
