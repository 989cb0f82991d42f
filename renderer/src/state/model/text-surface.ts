/**
 * The text on screen as the controllers see it: a port the text views fill in when they mount
 * (TextView with the document editor, ReviewTextView with the review's), so the controllers that
 * annotate and review never import the editor. State says what changed; the view draws it. Turning
 * the DOM selection into code point offsets happens in the view, at this edge, and nowhere else.
 */
import type { Annotation } from '../../../../shared/model/annotation'
import type { ReviewedAnnotation } from '../../../../shared/model/review'

/** A span of the stored text in code points, end-exclusive. */
export interface Span {
  start: number
  end: number
}

/** A highlight under the pointer: which annotation (or review layer's span) and its label. */
export interface SpanRef {
  id: string
  label: string
}

/** What else a redraw does besides drawing and removing highlights. */
export interface SurfaceUpdate {
  /** Mark this annotation as selected (null: none). */
  select?: string | null
  /** Put the caret at the end of this span. */
  caretAfter?: Span
}

/** The open document's text, as Annotating and Commands drive it. */
export interface TextSurface {
  /** Draw new or changed annotations and take removed ones away. */
  update(put: readonly Annotation[], removed: readonly string[], options?: SurfaceUpdate): void
  /** Mark one annotation as selected (null: none). */
  showSelected(id: string | null): void
  /** Scroll an annotation into view and flash it. */
  reveal(id: string): void
  /** The text the user has selected, or null. */
  selectedSpan(): Span | null
  /** Where the caret is (a code point offset) when no text is selected, or null. */
  caretOffset(): number | null
  /** Mark find hits (they replace the ones marked before), the `current` one more strongly. */
  showHits(hits: readonly Span[], current: number | null): void
  /** Make another of the marked hits the current one. */
  showCurrentHit(current: number | null): void
  /** Scroll a span into view and flash it. */
  revealRange(range: Span): void
  /**
   * Outline suggestions (dashed, apart from the highlights; they replace the ones shown before),
   * the `current` one (by id) more strongly; an empty list takes them all away.
   */
  showSuggestions(spans: readonly (Span & { id: string; label: string })[], current: string | null): void
  /** Put the keyboard focus in the text. */
  focus(): void
  /** Select a span of the text (code points) and scroll it into view. */
  selectSpan(span: Span): void
  /** The code point at the top of the view: where the user is in the text, whatever the window's size. */
  topOffset(): number
  /** Scroll so the text from this code point on is at the top of the view (where the user left it). */
  scrollToOffset(offset: number): void
  /** The code point boundary nearest a point on screen (client coordinates), or null outside the text. */
  offsetAt(x: number, y: number): number | null
}

/** The text under review, as Reviewing drives it. */
export interface ReviewSurface {
  /** Redraw the reviewed layer, which went from `before` to `after`. */
  showReviewed(before: readonly ReviewedAnnotation[], after: readonly ReviewedAnnotation[]): void
  /** Mark the current unit's span (null: none). */
  markRange(range: Span | null): void
  /** Scroll a span into view and flash it. */
  revealRange(range: Span): void
  /** The text the user has selected, or null. */
  selectedSpan(): Span | null
}
