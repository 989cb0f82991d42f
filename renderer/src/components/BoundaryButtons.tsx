/** The boundary buttons: which end moves, which way, the key that does the same. */
const NUDGES = [
  { end: 'start', by: -1, keys: 'Alt+←', label: 'Start one word earlier', text: '◀ start' },
  { end: 'start', by: 1, keys: 'Alt+→', label: 'Start one word later', text: 'start ▶' },
  { end: 'end', by: -1, keys: 'Alt+Shift+←', label: 'End one word earlier', text: '◀ end' },
  { end: 'end', by: 1, keys: 'Alt+Shift+→', label: 'End one word later', text: 'end ▶' },
] as const

/**
 * Four buttons that move a span's start or end by a word, for the selected annotation and for a
 * picked suggestion alike. `keep` stops a press from taking the focus from the text (where the
 * keys work) when the buttons sit outside a form.
 */
export function BoundaryButtons({
  label,
  onMove,
  keep,
}: {
  label: string
  onMove: (end: 'start' | 'end', by: 1 | -1) => void
  keep?: (e: React.MouseEvent) => void
}) {
  return (
    <div className="nudges" role="group" aria-label={label}>
      {NUDGES.map((n) => (
        <button
          key={n.label}
          type="button"
          className="small"
          title={n.keys}
          aria-label={n.label}
          onMouseDown={keep}
          onClick={() => onMove(n.end, n.by)}
        >
          {n.text}
        </button>
      ))}
    </div>
  )
}
