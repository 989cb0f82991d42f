import { textDirection, truncate } from '../state/model/describe'
import { useSessionState } from '../state/react/use-session'

const CONTEXT = 40
const LONGEST = 600
const LINE_LOOKBACK = 2000

interface SpanQuoteProps {
  /** The span, in code points. */
  start: number
  end: number
  /** The stretch shown around it (the unit), so every version of a unit shows the same text. */
  around: { start: number; end: number }
  /** Emphasise the boundaries: they differ from another version's. */
  differs?: boolean
}

/** A span in its context, its boundaries marked, as a reviewer compares versions. */
export function SpanQuote({ start, end, around, differs = false }: SpanQuoteProps) {
  const index = useSessionState((s) => s.review?.index)
  if (!index) return null
  const from = Math.max(0, Math.min(start, around.start) - CONTEXT)
  const to = Math.min(index.length, Math.max(end, around.end) + CONTEXT)
  const before = index.slice(from, start)
  const inside = index.slice(start, end)
  const after = index.slice(end, to)
  // The direction of the paragraph, as the text view shows it (not of a context cut mid-word).
  const lineStart = Math.max(0, Math.min(start, around.start) - LINE_LOOKBACK)
  const line = tail(index.slice(lineStart, start)) + index.slice(start, end)
  return (
    // Focusable, so a long quote can be scrolled from the keyboard.
    <blockquote className={differs ? 'span-quote differs' : 'span-quote'} dir={textDirection(line)} tabIndex={0}>
      {from > 0 && '…'}
      {tail(before)}
      <mark>{truncate(inside, LONGEST)}</mark>
      {head(after)}
      {to < index.length && '…'}
    </blockquote>
  )
}

/** The end of the text before a span, from the start of its line. */
function tail(text: string): string {
  const cut = text.lastIndexOf('\n')
  return cut < 0 ? text : text.slice(cut + 1)
}

/** The start of the text after a span, up to the end of its line. */
function head(text: string): string {
  const cut = text.indexOf('\n')
  return cut < 0 ? text : text.slice(0, cut)
}
