/**
 * The document view: a ProseMirror EditorView over one text, created imperatively in an element
 * React hands over and never re-rendered by React. Everything the rest of the UI does to the text
 * goes through this class: draw or remove highlights, show the selected annotation, flash and
 * scroll to a span, read the selection as a code point span. It keeps the live span of every
 * annotation by id, so removing a highlight needs only the id.
 */
import type { Span, SurfaceUpdate, TextSurface } from '../state/model/text-surface'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import type { Annotation } from '../../../shared/model/annotation'
import type { TextIndex } from '../../../shared/offsets'
import { hideEditableFromFrameworks } from './commit-guard'
import { flashLayer, setFlash, unitMark } from './flash'
import {
  changeHighlights,
  drawnParagraphs,
  highlights,
  highlightsBetween,
  INITIAL_DRAWN,
  paragraphIndex,
  type ParagraphRange,
  highlightLayer,
} from './highlights'
import { readOnly } from './read-only'
import { docFromText } from './schema'
import { coveringByLength, selectionToSpan, spanOfAnnotation, type HighlightSpan } from './spans'

/** The find hits, a highlight layer of their own. */
const hitLayer = highlightLayer('mg-find-hits')
/** Suggestions (dashed outlines), another layer of their own, never mixed with the annotations. */
const suggestionLayer = highlightLayer('mg-suggestions')

/** What the document view needs from its owner. */
export interface DocumentEditorOptions {
  /** The element the editor is mounted in. */
  mount: HTMLElement
  /** The scrolling element around it. */
  scroller: HTMLElement
  /** The document's text, indexed. */
  index: TextIndex
  annotations: readonly Annotation[]
  /** Spans drawn besides the annotations, already live (review: every layer, each in its lane). */
  spans?: readonly HighlightSpan[]
  /** A click in the text, with the annotations under it, shortest (most specific) first, and the shortest suggestion under it (its id). */
  onClickText(covering: HighlightSpan[], suggestion: string | null): void
}

/** What else an update does besides drawing and removing highlights. */
export type UpdateOptions = SurfaceUpdate

const FLASH_MS = 1200
/** Paragraphs drawn above and below the viewport. */
const MARGIN = 30
/** The drawn range is moved when the viewport comes this close (in paragraphs) to its edge. */
const SLACK = 10
/** At most this many paragraphs get their highlights drawn per frame. */
const STEP = 24
/** While the viewport moves more than STEP paragraphs a frame, drawing waits this long for it to slow. */
const FAST_SCROLL_WAIT_MS = 80

/** One open document's text view. */
export class DocumentEditor implements TextSurface {
  readonly index: TextIndex
  private readonly view: EditorView
  private readonly spans = new Map<string, HighlightSpan>()
  private hits: { spans: HighlightSpan[]; current: number | null } = { spans: [], current: null }
  private suggestions: readonly (Span & { id: string })[] = []
  private readonly scroller: HTMLElement
  private flashTimer: ReturnType<typeof setTimeout> | undefined
  private frame = 0
  private lastVisible: ParagraphRange | null = null
  private fastTimer: ReturnType<typeof setTimeout> | undefined
  private readonly onScroll = () => this.scheduleDraw()

  constructor(options: DocumentEditorOptions) {
    this.index = options.index
    this.scroller = options.scroller
    for (const a of options.annotations) this.spans.set(a.id, spanOfAnnotation(this.index, a))
    for (const s of options.spans ?? []) this.spans.set(s.id, s)
    const state = EditorState.create({
      doc: docFromText(this.index.text),
      plugins: [
        readOnly(),
        highlights([...this.spans.values()], { from: 0, to: INITIAL_DRAWN }),
        hitLayer.plugin(),
        suggestionLayer.plugin(),
        flashLayer(),
        unitMark.plugin,
      ],
    })
    this.view = new EditorView(options.mount, {
      state,
      // A read-only multi-line text box: screen readers let the caret move through it, and Tab reaches it.
      attributes: {
        class: 'mg-text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Document text',
        'aria-readonly': 'true',
        tabindex: '0',
        spellcheck: 'false',
      },
      handleClick: (_view, pos, event) => {
        const char = this.clickedChar(pos, event.clientX, event.clientY)
        options.onClickText(this.annotationsAt(char), char === null ? null : (coveringByLength(this.suggestions, char)[0]?.id ?? null))
        return false
      },
    })
    hideEditableFromFrameworks(this.view.dom)
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true })
    addEventListener('resize', this.onScroll, { passive: true })
    this.scheduleDraw()
  }

  /** Remove the view from the page. */
  destroy(): void {
    clearTimeout(this.flashTimer)
    cancelAnimationFrame(this.frame)
    clearTimeout(this.fastTimer)
    this.scroller.removeEventListener('scroll', this.onScroll)
    removeEventListener('resize', this.onScroll)
    this.view.destroy()
  }

  /** Move the drawn highlights towards the viewport in the next frame (once per frame). */
  private scheduleDraw(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      if (!this.view.isDestroyed) this.drawNearViewport()
    })
  }

  /** The paragraphs in the scroller's viewport, by binary search on their boxes; null if unknown. */
  private visibleParagraphs(): ParagraphRange | null {
    const paragraphs = paragraphIndex(this.view.state)
    const elements = this.view.dom.children
    const n = paragraphs?.count ?? 0
    if (!n || elements.length !== n) return null
    const box = this.scroller.getBoundingClientRect()
    if (box.height <= 0) return null
    const rect = (i: number) => elements[i]!.getBoundingClientRect()
    // The first paragraph ending below the viewport's top, and the first starting below its bottom.
    const search = (pass: (i: number) => boolean) => {
      let lo = 0
      let hi = n
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (pass(mid)) hi = mid
        else lo = mid + 1
      }
      return lo
    }
    const from = search((i) => rect(i).bottom > box.top)
    const to = Math.max(
      from + 1,
      search((i) => rect(i).top >= box.bottom),
    )
    return { from: Math.min(from, n - 1), to: Math.min(to, n) }
  }

  /**
   * Draw the highlights of the paragraphs within MARGIN of the viewport and no others, at most
   * STEP newly drawn paragraphs per frame (the viewport's own first, after a jump).
   */
  private drawNearViewport(): void {
    const visible = this.visibleParagraphs()
    const n = paragraphIndex(this.view.state)?.count ?? 0
    if (!visible) return
    // Scrolling fast (dragging the scroll bar through a long text): draw once it slows down.
    const last = this.lastVisible
    this.lastVisible = visible
    clearTimeout(this.fastTimer)
    if (last && Math.abs(visible.from - last.from) > STEP) {
      this.fastTimer = setTimeout(() => this.scheduleDraw(), FAST_SCROLL_WAIT_MS)
      return
    }
    const drawn = drawnParagraphs(this.view.state)
    const want = { from: Math.max(0, visible.from - MARGIN), to: Math.min(n, visible.to + MARGIN) }
    const covered = drawn.from <= Math.max(0, visible.from - SLACK) && drawn.to >= Math.min(n, visible.to + SLACK)
    if (covered && drawn.to - drawn.from <= want.to - want.from + 2 * MARGIN) return
    let next: ParagraphRange
    if (drawn.to <= visible.from || drawn.from >= visible.to) {
      const half = Math.max(2, (STEP - (visible.to - visible.from)) >> 1)
      next = { from: Math.max(0, visible.from - half), to: Math.min(n, visible.to + half) }
    } else {
      next = {
        from: drawn.from > want.from ? Math.max(want.from, drawn.from - (STEP >> 1)) : want.from,
        to: drawn.to < want.to ? Math.min(want.to, drawn.to + (STEP >> 1)) : want.to,
      }
    }
    this.drawParagraphs(next)
    if (next.from !== want.from || next.to !== want.to) this.scheduleDraw()
  }

  /** Draw the highlights (and find hits) of exactly these paragraphs. */
  private drawParagraphs(range: ParagraphRange): void {
    const drawn = drawnParagraphs(this.view.state)
    if (drawn.from === range.from && drawn.to === range.to) return
    const tr = hitLayer.change(changeHighlights(this.tr(), { draw: range }), { draw: range })
    this.view.dispatch(suggestionLayer.change(tr, { draw: range }))
  }

  /**
   * Mark find hits in the text (code point spans; they replace the ones marked before), the
   * `current` one more strongly; hits in paragraphs not drawn yet are drawn when they come near.
   */
  showHits(hits: readonly Span[], current: number | null): void {
    const spans = hits.map((h, i) => this.hitSpan(h, i, i === current))
    this.hits = { spans, current }
    this.view.dispatch(hitLayer.change(this.tr(), { replaceAll: spans }))
  }

  showSuggestions(spans: readonly (Span & { id: string; label: string })[], current: string | null): void {
    this.suggestions = spans
    const drawn = spans.map((s) => ({
      id: `suggestion:${s.id}`,
      label: s.label,
      start: s.start,
      end: s.end,
      from: this.index.cpToPm(s.start),
      to: this.index.cpToPm(s.end),
      classes: `mg-suggestion mg-suggestion-${s.label}${s.id === current ? ' mg-suggestion-current' : ''}`,
    }))
    this.view.dispatch(suggestionLayer.change(this.tr(), { replaceAll: drawn }))
  }

  /** Make another hit the current one (one change of two spans, whatever the number of hits). */
  showCurrentHit(current: number | null): void {
    const { spans, current: before } = this.hits
    if (before === current) return
    const remove: HighlightSpan[] = []
    const add: HighlightSpan[] = []
    for (const [i, on] of [
      [before, false],
      [current, true],
    ] as const) {
      const old = i === null ? undefined : spans[i]
      if (!old || i === null) continue
      remove.push(old)
      const next = { ...old, classes: on ? 'mg-hit mg-hit-current' : 'mg-hit' }
      spans[i] = next
      add.push(next)
    }
    this.hits = { spans, current }
    this.view.dispatch(hitLayer.change(this.tr(), { remove, add }))
  }

  private hitSpan(h: Span, i: number, current: boolean): HighlightSpan {
    return {
      id: `hit:${i}`,
      label: 'hit',
      start: h.start,
      end: h.end,
      from: this.index.cpToPm(h.start),
      to: this.index.cpToPm(h.end),
      classes: current ? 'mg-hit mg-hit-current' : 'mg-hit',
    }
  }

  /** Make sure the paragraphs of [from, to] (editor positions) have their highlights drawn. */
  private drawAround(from: number, to: number): void {
    const paragraphs = paragraphIndex(this.view.state)
    if (!paragraphs) return
    const [first, last] = paragraphs.touching(from, to)
    const drawn = drawnParagraphs(this.view.state)
    if (drawn.from <= first && drawn.to > last) return
    const half = STEP >> 1
    this.drawParagraphs({ from: Math.max(0, first - half), to: Math.min(paragraphs.count, last + 1 + half) })
    this.scheduleDraw()
  }

  /** The code point at the top of the view (the first one shown, or the nearest). */
  topOffset(): number {
    const box = this.scroller.getBoundingClientRect()
    const text = this.view.dom.getBoundingClientRect()
    const at = this.view.posAtCoords({ left: text.left + 2, top: Math.max(box.top, text.top) + 4 })
    return at ? this.index.pmToCp(Math.min(at.pos, this.view.state.doc.content.size)) : 0
  }

  /**
   * Scroll so the line holding code point `offset` is at the top of the view (where the user left
   * it), its highlights drawn there. Paragraphs the browser has not laid out yet take their real
   * height in the next frames (content-visibility): check again there and correct.
   */
  scrollToOffset(offset: number): void {
    const pos = this.index.cpToPm(Math.min(Math.max(0, offset), this.index.length))
    this.drawAround(pos, pos)
    let frames = 4
    const place = () => {
      if (this.view.isDestroyed) return
      this.scroller.scrollTop += this.view.coordsAtPos(pos, 1).top - this.scroller.getBoundingClientRect().top - 4
      this.scheduleDraw()
      if (--frames > 0) requestAnimationFrame(place)
    }
    place()
  }

  /** The code point boundary nearest a point on screen (a dragged highlight end), or null outside the text. */
  offsetAt(x: number, y: number): number | null {
    const at = this.view.posAtCoords({ left: x, top: y })
    return at ? this.index.pmToCp(Math.min(at.pos, this.view.state.doc.content.size)) : null
  }

  /** Put focus in the text, keeping its selection. */
  focus(): void {
    this.view.focus()
  }

  /**
   * Draw new or changed annotations and remove deleted ones, in one view update. The same update
   * can move the selected-annotation mark (`select`) and put the caret after a span that was just
   * tagged (`caretAfter`), so tagging costs one redraw and one selection write, not three.
   */
  update(put: readonly Annotation[], removed: readonly string[], options: UpdateOptions = {}): void {
    this.updateSpans(
      put.map((a) => spanOfAnnotation(this.index, a)),
      removed,
      options,
    )
  }

  /** The same as `update`, for spans already made live (each may carry its own classes). */
  updateSpans(put: readonly HighlightSpan[], removed: readonly string[], options: UpdateOptions = {}): void {
    const remove: HighlightSpan[] = []
    const add: HighlightSpan[] = []
    for (const id of removed) {
      const old = this.spans.get(id)
      if (old) remove.push(old)
      this.spans.delete(id)
    }
    for (const next of put) {
      const old = this.spans.get(next.id)
      if (old && old.label === next.label && old.start === next.start && old.end === next.end && old.classes === next.classes) continue
      if (old) remove.push(old)
      this.spans.set(next.id, next)
      add.push(next)
    }
    const select = options.select === undefined ? undefined : options.select === null ? null : (this.spans.get(options.select) ?? null)
    if (!add.length && !remove.length && select === undefined && !options.caretAfter) return
    const tr = changeHighlights(this.tr(), { add, remove, ...(select === undefined ? {} : { select }) })
    if (options.caretAfter) tr.setSelection(TextSelection.create(tr.doc, this.index.cpToPm(options.caretAfter.end)))
    this.view.dispatch(tr)
  }

  /** The selected text as a code point span, whitespace at either end left out; null if none. */
  selectedSpan(): { start: number; end: number } | null {
    const sel = this.domSelection()
    return !sel || sel.anchor === sel.head ? null : selectionToSpan(this.index, sel.anchor, sel.head)
  }

  /**
   * The selection as the browser has it, in editor positions, when it lies in the text. The view
   * learns of selection changes from an asynchronous event, so right after a click or a key its
   * own state can still hold the previous selection.
   */
  private domSelection(): { anchor: number; head: number } | null {
    const sel = this.view.dom.ownerDocument.getSelection()
    if (!sel?.anchorNode || !sel.focusNode) return null
    if (!this.view.dom.contains(sel.anchorNode) || !this.view.dom.contains(sel.focusNode)) return null
    try {
      return { anchor: this.view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: this.view.posAtDOM(sel.focusNode, sel.focusOffset) }
    } catch {
      return null
    }
  }

  /**
   * A transaction that starts from the browser's current selection. Any transaction that changes
   * decorations makes the view write its selection back to the page, so a stale one would undo
   * the click or key press the user just made.
   */
  private tr(): Transaction {
    const tr = this.view.state.tr
    const sel = this.domSelection()
    if (sel && (sel.anchor !== tr.selection.anchor || sel.head !== tr.selection.head)) {
      tr.setSelection(TextSelection.create(tr.doc, sel.anchor, sel.head))
    }
    return tr
  }

  /** Show which annotation is selected, or none. */
  showSelected(id: string | null): void {
    this.update([], [], { select: id })
  }

  /** Scroll the annotation's span into view and flash it briefly. */
  reveal(id: string): void {
    const span = this.spans.get(id)
    if (span) this.revealRange(span)
  }

  /** Scroll a code point range into view and flash it briefly. */
  revealRange(range: { start: number; end: number }): void {
    const span = { from: this.index.cpToPm(range.start), to: this.index.cpToPm(Math.min(range.end, this.index.length)) }
    // Draw the target's highlights before scrolling to it, so it shows selected when it arrives.
    this.drawAround(span.from, span.to)
    this.scrollToSpan(span)
    clearTimeout(this.flashTimer)
    this.view.dispatch(setFlash(this.tr(), span))
    this.flashTimer = setTimeout(() => this.view.dispatch(setFlash(this.tr(), null)), FLASH_MS)
    // Paragraphs skipped by the browser until shown (content-visibility) take their real height in
    // the frames after the scroll: check again there and correct.
    let frames = 3
    const settle = () => {
      if (this.view.isDestroyed) return
      this.scrollToSpan(span)
      if (--frames > 0) requestAnimationFrame(settle)
    }
    requestAnimationFrame(settle)
  }

  /** Scroll the span into view, a third down the viewport, unless it is already in view. */
  private scrollToSpan(span: { from: number; to: number }): void {
    const top = this.view.coordsAtPos(span.from).top
    const box = this.scroller.getBoundingClientRect()
    const bottom = this.view.coordsAtPos(span.to, -1).bottom
    if (top < box.top + 24 || bottom > box.bottom - 24) {
      this.scroller.scrollTop += top - box.top - Math.max(48, (box.height - (bottom - top)) / 3)
    }
  }

  /** Mark a code point range as the one being decided (null: none). */
  markRange(range: { start: number; end: number } | null): void {
    const pm = range && { from: this.index.cpToPm(range.start), to: this.index.cpToPm(Math.min(range.end, this.index.length)) }
    this.view.dispatch(unitMark.set(this.tr(), pm))
  }

  /** The annotations covering the character that was clicked, found from positions alone. */
  private annotationsAt(char: number | null): HighlightSpan[] {
    if (char === null) return []
    const from = this.index.cpToPm(char)
    return coveringByLength(highlightsBetween(this.view.state, from, this.index.cpToPm(char + 1)), char)
  }

  /**
   * Which character a click at (x, y) hit: a position lies between two characters, so look at the
   * one after and the one before it and take whichever's box holds the point.
   */
  private clickedChar(pos: number, x: number, y: number): number | null {
    const cp = this.index.pmToCp(pos)
    for (const c of [cp, cp - 1]) {
      if (c < 0 || c >= this.index.length || this.index.slice(c, c + 1) === '\n') continue
      const a = this.view.coordsAtPos(this.index.cpToPm(c), 1)
      const b = this.view.coordsAtPos(this.index.cpToPm(c + 1), -1)
      // A character split across a line wrap has its two edges on different lines: not this one.
      if (b.bottom <= a.top || b.top >= a.bottom) continue
      const top = Math.min(a.top, b.top)
      const bottom = Math.max(a.bottom, b.bottom)
      if (x >= Math.min(a.left, b.left) - 1 && x <= Math.max(a.right, b.right) + 1 && y >= top - 2 && y <= bottom + 2) return c
    }
    return null
  }
}
