/**
 * The document view: a ProseMirror EditorView over a window of one text, created imperatively in
 * an element React hands over and never re-rendered by React. Only the paragraphs around the
 * viewport are in the page (text-window.ts), with gaps as tall as the lines they stand for
 * (height-map.ts: measured where drawn, estimated elsewhere), so opening, scrolling, tagging and
 * deleting cost the same in a book as in an article. The view follows the scroll position in the
 * scroll event itself, before the frame is painted, and keeps the paragraph at the top of the
 * viewport where it was when heights turn out other than estimated.
 *
 * The selection lives in positions of the whole text: the paragraphs holding its ends are drawn
 * wherever they are, so a selection from one end of a book to the other stays a selection;
 * copying it, select-all (Ctrl+A) and Ctrl+Home/End work on the whole text, not the window.
 * Everything the rest of the UI does to the text goes through this class (the TextSurface port):
 * draw or remove highlights, show the selected annotation, flash and scroll to a span, read the
 * selection as a code point span.
 */
import type { Span, SurfaceUpdate, TextSurface } from '../state/model/text-surface'
import { EditorState, TextSelection, type Plugin, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView, type NodeView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import type { Annotation } from '../../../shared/model/annotation'
import type { TextIndex } from '../../../shared/offsets'
import { hideEditableFromFrameworks } from './commit-guard'
import { DEFAULT_ESTIMATE, fitEstimate, HeightMap } from './height-map'
import { decorationLayer, layerDecorations, patchLayer, SpanIndex, type DecorationLayer } from './highlights'
import { ParagraphIndex } from './paragraphs'
import { readOnly } from './read-only'
import { ById } from '../../../shared/model/by-id'
import { coveringByLength, selectionToSpan, spanOfAnnotation, type HighlightSpan } from './spans'
import { TextWindow, type LineRange } from './text-window'
import { navigationKeys } from './window-keys'

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
  /** A click in the text, with the annotations under it, shortest (most specific) first. */
  onClickText(covering: HighlightSpan[], suggestion: string | null): void
  /** Draw every line, whatever the text's length (View ▸ Text ▸ Whole text, for screen readers); see setWholeText. */
  wholeText?: boolean
}

/** What else an update does besides drawing and removing highlights. */
export type UpdateOptions = SurfaceUpdate

const FLASH_MS = 1200
/** Drawn above and below the viewport, in viewport heights. */
const MARGIN = 1
/** The window is moved when the viewport comes this close to its edge, in viewport heights. */
const SLACK = 0.5
/**
 * Lines drawn at the top of a text before the view knows its height: as many as hold about this
 * many characters (some two screens of the column at 1280 × 800), at most FIRST_LINES, so the
 * first window usually covers the viewport without being so large that it is drawn again smaller.
 */
const FIRST_CHARS = 5_000
const FIRST_LINES = 40
/**
 * A text this short (UTF-16 units and lines) is drawn whole: a window saves nothing there, and
 * the whole text in the page is what find-in-page, screen readers and printing see best.
 */
const WHOLE_TEXT = { units: 16_000, lines: 200 }

/** A selection in positions of the whole text. */
interface TextSel {
  anchor: number
  head: number
}

/** A gap's element: as tall as the lines it stands for, sized through the CSSOM (the CSP allows no style attributes). */
class GapView implements NodeView {
  readonly dom: HTMLElement
  constructor(
    readonly node: Node,
    private readonly height: (from: number, to: number) => number,
    private readonly live: Set<GapView>,
  ) {
    this.dom = document.createElement('div')
    this.dom.className = 'mg-gap'
    this.dom.setAttribute('aria-hidden', 'true')
    this.dom.contentEditable = 'false'
    this.refresh()
    live.add(this)
  }
  refresh(): void {
    this.dom.style.height = `${this.height(this.node.attrs.from as number, this.node.attrs.to as number)}px`
  }
  update(node: Node): boolean {
    return node.type === this.node.type && node.attrs.from === this.node.attrs.from && node.attrs.to === this.node.attrs.to
  }
  ignoreMutation(): boolean {
    return true
  }
  stopEvent(): boolean {
    return false
  }
  destroy(): void {
    this.live.delete(this)
  }
}

/** One open document's text view. */
export class DocumentEditor implements TextSurface {
  readonly index: TextIndex
  private readonly paragraphs: ParagraphIndex
  private readonly view: EditorView
  private readonly scroller: HTMLElement
  /** The live span of every annotation, by id. */
  private readonly spans: ById<HighlightSpan>
  private readonly annotations: SpanIndex
  private readonly hitIndex: SpanIndex
  private hits: { spans: HighlightSpan[]; current: number | null } = { spans: [], current: null }
  /** Suggestions (dashed outlines): a layer of their own, never mixed with the annotations. */
  private readonly suggestionIndex: SpanIndex
  private suggestions: readonly (Span & { id: string })[] = []
  private selectedId: string | null = null
  private flashRange: { from: number; to: number } | null = null
  private unitRange: { from: number; to: number } | null = null
  private readonly heights: HeightMap
  private readonly gaps = new Set<GapView>()
  private win: TextWindow
  private readonly plugins: Plugin[]
  private readonly layers: {
    annotations: DecorationLayer
    hits: DecorationLayer
    suggestions: DecorationLayer
    flash: DecorationLayer
    unit: DecorationLayer
  }
  /** The selection in text positions, as last known (the DOM's, when the text has focus). */
  private selection: TextSel | null = null
  private calibrated = false
  private width = 0
  private pointerDown = false
  private printing = false
  private syncing = false
  /** Whether the text is short enough to be drawn whole anyway (WHOLE_TEXT). */
  private readonly short: boolean
  /** Whether every line is drawn: a short text, or the user asked for the whole text. */
  private whole: boolean
  private flashTimer: ReturnType<typeof setTimeout> | undefined
  private readonly resize: ResizeObserver
  /** The scroll position as last seen or set by sync (before a focus that moved it). */
  private lastTop = 0
  private readonly onScroll = () => this.sync()
  private readonly onPointerUp = () => {
    if (!this.pointerDown) return
    this.pointerDown = false
    // A drag may have drawn more lines (nothing is taken away while the button is down); the
    // window is redrawn only if it grew too large, so a plain click never replaces the state
    // under ProseMirror's own mouseup handling.
    this.sync()
  }
  /** The paragraph at the top of the view when printing began, and where it stood (px below the scroller's top). */
  private printPlace: { line: number; top: number } | null = null
  /** The code point at the top of the view when printing began: where the user is while every line is drawn. */
  private printTop = 0
  private readonly onBeforePrint = () => {
    if (this.printing) return
    this.printPlace = this.placeOnScreen()
    this.printTop = this.topOffset()
    this.printing = true
    this.render([{ from: 0, to: this.paragraphs.count }])
  }
  private readonly onAfterPrint = () => {
    if (!this.printing) return
    this.printing = false
    // Every line drawn changed the height of everything above the view: draw the window around
    // the paragraph the user was reading and put it back where it stood.
    const place = this.printPlace
    this.printPlace = null
    if (!place) return this.sync(true)
    const viewport = Math.max(1, this.scroller.clientHeight)
    const y = this.heights.top(place.line)
    this.render([{ from: this.heights.at(y - viewport * MARGIN), to: this.heights.at(y + viewport * (1 + MARGIN)) + 1 }])
    this.measure()
    this.restorePlace(place)
    this.sync()
  }

  constructor(options: DocumentEditorOptions) {
    this.index = options.index
    this.scroller = options.scroller
    this.paragraphs = new ParagraphIndex(this.index)
    this.short = this.index.text.length <= WHOLE_TEXT.units && this.paragraphs.count <= WHOLE_TEXT.lines
    this.whole = this.short || options.wholeText === true
    this.spans = new ById([...options.annotations.map((a) => spanOfAnnotation(this.index, a)), ...(options.spans ?? [])])
    this.annotations = new SpanIndex(this.paragraphs, this.spans.values())
    this.hitIndex = new SpanIndex(this.paragraphs)
    this.suggestionIndex = new SpanIndex(this.paragraphs)
    this.heights = new HeightMap((i) => this.paragraphs.size(i), this.paragraphs.count, DEFAULT_ESTIMATE)
    this.layers = {
      annotations: decorationLayer('mg-highlights', (doc) =>
        DecorationSet.create(doc, layerDecorations(this.win, this.annotations, this.selectedId)),
      ),
      hits: decorationLayer('mg-find-hits', (doc) => DecorationSet.create(doc, layerDecorations(this.win, this.hitIndex))),
      suggestions: decorationLayer('mg-suggestions', (doc) => DecorationSet.create(doc, layerDecorations(this.win, this.suggestionIndex))),
      flash: decorationLayer('mg-flash', (doc) => this.rangeSet(doc, this.flashRange, 'mg-flash')),
      unit: decorationLayer('mg-unit', (doc) => this.rangeSet(doc, this.unitRange, 'mg-unit')),
    }
    this.plugins = [
      readOnly(),
      navigationKeys({
        beforeMove: () => this.drawAroundHead(),
        selectAll: () => this.select({ anchor: this.paragraphs.start(0), head: this.paragraphs.end(this.paragraphs.count - 1) }, false),
        toStart: (extend) => this.moveHead(this.paragraphs.start(0), extend),
        toEnd: (extend) => this.moveHead(this.paragraphs.end(this.paragraphs.count - 1), extend),
        copy: (event) => this.copy(event),
        drag: (event) => this.drag(event),
      }),
      this.layers.annotations.plugin,
      this.layers.hits.plugin,
      this.layers.suggestions.plugin,
      this.layers.flash.plugin,
      this.layers.unit.plugin,
    ]
    this.win = new TextWindow(this.index, this.paragraphs, [{ from: 0, to: this.whole ? this.paragraphs.count : this.firstLines() }])
    this.view = new EditorView(options.mount, {
      state: this.stateFor(this.win, null),
      // A read-only multi-line text box: screen readers let the caret move through it, and Tab reaches it.
      attributes: {
        class: 'mg-text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Document text',
        'aria-readonly': 'true',
        tabindex: '0',
        spellcheck: 'false',
        // Where the keyboard goes back to when a dialog closes and what opened it is gone.
        'data-focus-home': '',
        'data-text-lines': String(this.paragraphs.count),
      },
      nodeViews: { gap: (node) => new GapView(node, (from, to) => this.heights.sum(from, to), this.gaps) },
      dispatchTransaction: (tr) => this.apply(tr),
      handleClick: (_view, pos, event) => {
        const char = this.clickedChar(this.win.toText(pos), event.clientX, event.clientY)
        options.onClickText(this.annotationsAt(char), char === null ? null : (coveringByLength(this.suggestions, char)[0]?.id ?? null))
        return false
      },
      handleDOMEvents: {
        mousedown: () => {
          this.pointerDown = true
          return false
        },
        focus: () => {
          if (!this.pointerDown) this.focusedWithoutPointer()
          return false
        },
      },
    })
    hideEditableFromFrameworks(this.view.dom)
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true })
    addEventListener('mouseup', this.onPointerUp, { capture: true })
    addEventListener('beforeprint', this.onBeforePrint)
    addEventListener('afterprint', this.onAfterPrint)
    // A change of the column's width (window resized, panel opened) or of the drawn text's height
    // (fonts loaded) is measured again.
    this.resize = new ResizeObserver(() => this.sync())
    this.resize.observe(this.scroller)
    this.resize.observe(this.view.dom)
    // The first lines are measured; they are redrawn only if they do not cover the viewport.
    this.sync()
  }

  /** How many lines the first window draws from the top (FIRST_CHARS). */
  private firstLines(): number {
    let chars = 0
    let line = 0
    while (line < Math.min(FIRST_LINES, this.paragraphs.count) && chars < FIRST_CHARS) chars += this.paragraphs.size(line++)
    return Math.max(1, line)
  }

  /** Remove the view from the page. */
  destroy(): void {
    clearTimeout(this.flashTimer)
    this.resize.disconnect()
    this.scroller.removeEventListener('scroll', this.onScroll)
    removeEventListener('mouseup', this.onPointerUp, { capture: true })
    removeEventListener('beforeprint', this.onBeforePrint)
    removeEventListener('afterprint', this.onAfterPrint)
    this.view.destroy()
  }

  private stateFor(win: TextWindow, sel: TextSel | null): EditorState {
    const anchor = sel && win.toWindow(sel.anchor)
    const head = sel && win.toWindow(sel.head)
    const selection = anchor != null && head != null ? TextSelection.create(win.doc, anchor, head) : undefined
    return EditorState.create({ doc: win.doc, plugins: this.plugins, ...(selection ? { selection } : {}) })
  }

  private apply(tr: Transaction): void {
    const state = this.view.state.apply(tr)
    this.view.updateState(state)
    if (tr.selectionSet) this.selection = { anchor: this.win.toText(state.selection.anchor), head: this.win.toText(state.selection.head) }
  }

  /** Draw these lines (and the lines of the selection's ends), keeping the selection. */
  private render(ranges: readonly LineRange[], selection?: TextSel): void {
    const sel = selection ?? this.domSelection() ?? this.selection
    const pinned = sel ? [this.paragraphs.at(sel.anchor), this.paragraphs.at(sel.head)].map((l) => ({ from: l, to: l + 1 })) : []
    this.win = new TextWindow(this.index, this.paragraphs, [...ranges, ...pinned], this.win)
    this.view.updateState(this.stateFor(this.win, sel))
    this.selection = sel
  }

  /** The main run's lines (the one around the viewport, the longest). */
  private mainRun(): LineRange {
    return this.win.runs.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a), this.win.runs[0]!)
  }

  /**
   * Measure the drawn paragraphs, resize the gaps to match, and draw the lines around the viewport
   * if it came near the edge of what is drawn (or `force`). The paragraph at the top of the
   * viewport stays where it is on screen.
   */
  private sync(force = false): void {
    if (this.syncing || this.view.isDestroyed || this.printing) return
    this.syncing = true
    try {
      const viewport = this.scroller.clientHeight
      if (viewport <= 0) return
      const width = this.view.dom.clientWidth
      // Where the user was reading before a change of width: the text above the view has already
      // reflowed by the time this runs, so the place is the one taken when the view last settled.
      let reading: { line: number; within: number } | null = null
      if (width !== this.width) {
        // Another width changes every drawn paragraph's height: measure them again and redraw
        // around the viewport. The first width is the one the first lines were just drawn at.
        if (this.width) {
          this.heights.forget()
          force = true
          reading = this.reading
        }
        this.width = width
      }
      this.measure()
      const origin = this.origin()
      const top = this.scroller.scrollTop - origin
      const anchor = this.heights.at(Math.max(0, top))
      const offset = this.heights.top(anchor) - top
      const first = this.heights.at(top - viewport * SLACK)
      const last = this.heights.at(top + viewport * (1 + SLACK))
      const main = this.mainRun()
      const covered = main.from <= first && main.to > last
      const wanted = this.whole
        ? { from: 0, to: this.paragraphs.count }
        : { from: this.heights.at(top - viewport * MARGIN), to: this.heights.at(top + viewport * (1 + MARGIN)) + 1 }
      const tooLarge = !this.pointerDown && main.to - main.from > 3 * (wanted.to - wanted.from)
      if (!covered || tooLarge || force) {
        // While the mouse button is down (a drag selection) drawn lines are only added, never taken away.
        this.render(this.pointerDown ? [...this.win.runs, wanted] : [wanted])
        if (reading) {
          // The same paragraph at the top of the view, as far into it as before (its lines rewrapped).
          this.measure()
          const y = this.heights.top(reading.line) + reading.within * this.heights.height(reading.line)
          if (Math.abs(y - top) >= 0.5) this.scroller.scrollTop += y - top
        } else if (this.measure()) {
          const moved = this.heights.top(anchor) - top - offset
          if (Math.abs(moved) >= 0.5) this.scroller.scrollTop += moved
        }
      }
      this.lastTop = this.scroller.scrollTop
      const now = this.scroller.scrollTop - origin
      const line = this.heights.at(Math.max(0, now))
      this.reading = { line, within: Math.min(1, Math.max(0, (now - this.heights.top(line)) / Math.max(1, this.heights.height(line)))) }
    } finally {
      this.syncing = false
    }
  }

  /** The paragraph at the top of the view when it last settled, and how far into it (0–1) the view's top edge was. */
  private reading: { line: number; within: number } | null = null

  /** The drawn paragraph at the top of the viewport and its top edge, px below the scroller's top (null: none drawn there). */
  private placeOnScreen(): { line: number; top: number } | null {
    const top = this.scroller.getBoundingClientRect().top
    for (const run of this.win.runs) {
      for (let i = run.from; i < run.to; i++) {
        const pos = this.win.paragraphPos(i)
        const dom = pos === null ? null : this.view.nodeDOM(pos)
        if (!(dom instanceof HTMLElement)) continue
        const box = dom.getBoundingClientRect()
        if (box.bottom > top) return { line: i, top: box.top - top }
      }
    }
    return null
  }

  /** Scroll so the paragraph `place.line` (drawn) stands `place.top` px below the scroller's top. */
  private restorePlace(place: { line: number; top: number }): void {
    const pos = this.win.paragraphPos(place.line)
    const dom = pos === null ? null : this.view.nodeDOM(pos)
    if (!(dom instanceof HTMLElement)) return
    this.scroller.scrollTop += dom.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top - place.top
  }

  /** Where the text starts within the scroller's content, px. */
  private origin(): number {
    return this.view.dom.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top + this.scroller.scrollTop
  }

  /**
   * Read the drawn paragraphs' heights into the map (one layout of the window) and resize the gaps
   * if any changed; the first time, fit the estimate of the undrawn paragraphs to what was seen.
   */
  private measure(): boolean {
    const samples: { line: number; height: number }[] = []
    let spacing = DEFAULT_ESTIMATE.spacing
    let lineHeight = DEFAULT_ESTIMATE.lineHeight
    for (const run of this.win.runs) {
      for (let i = run.from; i < run.to; i++) {
        const pos = this.win.paragraphPos(i)
        const dom = pos === null ? null : this.view.nodeDOM(pos)
        if (!(dom instanceof HTMLElement)) continue
        if (!samples.length) {
          const style = getComputedStyle(dom)
          spacing = Number.parseFloat(style.marginBottom) || 0
          lineHeight = Number.parseFloat(style.lineHeight) || lineHeight
        }
        samples.push({ line: i, height: dom.getBoundingClientRect().height + spacing })
      }
    }
    let changed = false
    if (!this.calibrated && samples.some((s) => s.height > 0)) {
      this.calibrated = true
      const estimate = fitEstimate(
        lineHeight,
        spacing,
        samples.map((s) => ({ chars: this.paragraphs.size(s.line), height: s.height })),
      )
      this.heights.reestimate(estimate)
      changed = true
    }
    for (const s of samples) if (s.height > 0 && this.heights.set(s.line, s.height)) changed = true
    if (changed) for (const gap of this.gaps) gap.refresh()
    return changed
  }

  /** Draw the lines around the selection's head (before a key moves the caret from there). */
  private drawAroundHead(): void {
    const sel = this.domSelection() ?? this.selection
    if (!sel) return
    const line = this.paragraphs.at(sel.head)
    const main = this.mainRun()
    const y = this.heights.top(line)
    const viewport = Math.max(1, this.scroller.clientHeight)
    const around = { from: this.heights.at(y - viewport), to: this.heights.at(y + viewport) + 1 }
    if (main.from <= around.from && main.to >= around.to) return
    this.render([...this.win.runs, around])
  }

  /** Set the selection (text positions), drawing its ends first; `scroll` brings the head into view. */
  private select(sel: TextSel, scroll: boolean): void {
    this.selection = sel
    this.render(this.win.runs, sel)
    if (scroll) this.scrollToSpan({ from: sel.head, to: sel.head })
  }

  private moveHead(head: number, extend: boolean): void {
    const sel = this.domSelection() ?? this.selection
    this.select({ anchor: extend && sel ? sel.anchor : head, head }, true)
  }

  /** Copy the selected text as stored (every line, drawn or not), not what the window shows. */
  private copy(event: ClipboardEvent): boolean {
    const span = this.selectedRange()
    if (!span || !event.clipboardData) return false
    event.clipboardData.clearData()
    event.clipboardData.setData('text/plain', this.index.slice(span.start, span.end))
    event.preventDefault()
    return true
  }

  /**
   * A selection dragged out carries the selected text as stored, as copy does. A drag that starts
   * outside the selection (a highlight's boundary handle, an image) is the browser's.
   */
  private drag(event: DragEvent): boolean {
    const span = this.selectedRange()
    if (!span || span.end <= span.start || !event.dataTransfer) return false
    event.dataTransfer.clearData()
    event.dataTransfer.setData('text/plain', this.index.slice(span.start, span.end))
    event.dataTransfer.effectAllowed = 'copy'
    return true
  }

  /** One range drawn with one class over the drawn lines it covers. */
  private rangeSet(doc: Node, range: { from: number; to: number } | null, className: string): DecorationSet {
    if (!range || range.to <= range.from) return DecorationSet.empty
    const decorations: Decoration[] = []
    for (const [from, to] of this.paragraphs.pieces(range.from, range.to)) {
      const a = this.win.toWindow(from)
      const b = this.win.toWindow(to)
      if (a !== null && b !== null) decorations.push(Decoration.inline(a, b, { nodeName: 'span', class: className }))
    }
    return DecorationSet.create(doc, decorations)
  }

  /**
   * Mark find hits in the text (code point spans; they replace the ones marked before), the
   * `current` one more strongly; hits in paragraphs not drawn are drawn when they come near.
   */
  showHits(hits: readonly Span[], current: number | null): void {
    const spans = hits.map((h, i) => this.hitSpan(h, i, i === current))
    this.hits = { spans, current }
    this.hitIndex.replace(spans)
    const tr = this.tr()
    this.view.dispatch(this.layers.hits.set(tr, DecorationSet.create(tr.doc, layerDecorations(this.win, this.hitIndex))))
  }

  showSuggestions(spans: readonly (Span & { id: string; label: string })[], current: string | null): void {
    this.suggestions = spans
    this.suggestionIndex.replace(
      spans.map((x) => ({
        id: `suggestion:${x.id}`,
        label: x.label,
        start: x.start,
        end: x.end,
        from: this.index.cpToPm(x.start),
        to: this.index.cpToPm(x.end),
        classes: `mg-suggestion mg-suggestion-${x.label}${x.id === current ? ' mg-suggestion-current' : ''}`,
      })),
    )
    const tr = this.tr()
    this.view.dispatch(this.layers.suggestions.set(tr, DecorationSet.create(tr.doc, layerDecorations(this.win, this.suggestionIndex))))
  }

  /** Make another hit the current one (one change of two spans, whatever the number of hits). */
  showCurrentHit(current: number | null): void {
    const { spans, current: before } = this.hits
    if (before === current) return
    const changed = new Set<string>()
    const draw: { span: HighlightSpan; selected: boolean }[] = []
    for (const [i, on] of [
      [before, false],
      [current, true],
    ] as const) {
      const old = i === null ? undefined : spans[i]
      if (!old || i === null) continue
      const next = { ...old, classes: on ? 'mg-hit mg-hit-current' : 'mg-hit' }
      this.hitIndex.remove(old)
      this.hitIndex.add(next)
      spans[i] = next
      changed.add(old.id)
      draw.push({ span: next, selected: false })
    }
    this.hits = { spans, current }
    const tr = this.tr()
    this.view.dispatch(this.layers.hits.set(tr, patchLayer(this.layers.hits.get(this.view.state), tr.doc, this.win, changed, draw)))
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

  /**
   * The text got the focus from the keyboard (Tab) or the app, not a click. With no selection of
   * its own yet (after a reload), the browser puts the caret at the start of the text box, the top
   * of the book, and scrolls there: the caret goes to the top of the view instead and the view
   * stays. A selection the text had before is written back (the browser may have dropped it when
   * something else was selected), so the keys go on from there.
   */
  private focusedWithoutPointer(): void {
    if (this.selection !== null) return this.select(this.selection, false)
    const kept = this.lastTop
    if (Math.abs(this.scroller.scrollTop - kept) >= 1) this.scroller.scrollTop = kept
    const box = this.scroller.getBoundingClientRect()
    const text = this.view.dom.getBoundingClientRect()
    const pos = this.textPosAt(text.left + 2, Math.max(box.top, text.top) + 4)
    if (pos === null) return
    // The start of the first paragraph that starts in view (a paragraph's start is never at a
    // soft line break); the top line of a paragraph longer than the view if none does.
    const line = this.paragraphs.at(pos)
    let caret = pos
    for (const l of [line, line + 1]) {
      const start = l < this.paragraphs.count ? this.win.toWindow(this.paragraphs.start(l)) : null
      const top = start === null ? null : this.view.coordsAtPos(start, 1).top
      if (top !== null && top >= box.top && top < box.bottom - 8) {
        caret = this.paragraphs.start(l)
        break
      }
    }
    this.select({ anchor: caret, head: caret }, false)
    if (Math.abs(this.scroller.scrollTop - kept) >= 1) this.scroller.scrollTop = kept
  }

  /**
   * Draw every line of the text (on), or only those around the viewport (off; a short text is
   * drawn whole either way). With every line in the page, a screen reader reads the text from
   * start to end without stopping where the drawn part ends, and the browser's own find sees it
   * all; a long text costs more to open and to change (docs/benchmarks.md). The paragraph at the
   * top of the view stays there.
   */
  setWholeText(on: boolean): void {
    const whole = this.short || on
    if (whole === this.whole || this.view.isDestroyed) return
    this.whole = whole
    this.sync(true)
  }

  /** The text position (whole text) at a point on screen, or null outside the text. */
  private textPosAt(x: number, y: number): number | null {
    const at = this.view.posAtCoords({ left: x, top: y })
    return at ? this.win.toText(Math.min(at.pos, this.view.state.doc.content.size)) : null
  }

  /** The code point at the top of the view (the first one shown, or the nearest). */
  topOffset(): number {
    if (this.printing) return this.printTop
    const box = this.scroller.getBoundingClientRect()
    const text = this.view.dom.getBoundingClientRect()
    const pos = this.textPosAt(text.left + 2, Math.max(box.top, text.top) + 4)
    return pos === null ? 0 : this.index.pmToCp(pos)
  }

  /**
   * Scroll so the line holding code point `offset` is at the top of the view (where the user left
   * it): first by the height map (drawing the lines there), then by the drawn text itself. Heights
   * measured later keep the paragraph at the top where it is (sync).
   */
  scrollToOffset(offset: number): void {
    const pm = this.index.cpToPm(Math.min(Math.max(0, offset), this.index.length))
    if (this.win.toWindow(pm) === null) {
      this.scroller.scrollTop = this.origin() + this.heights.top(this.paragraphs.at(pm))
      this.sync(true)
    }
    const pos = this.win.toWindow(pm)
    if (pos === null) return
    this.scroller.scrollTop += this.view.coordsAtPos(pos, 1).top - this.scroller.getBoundingClientRect().top - 4
    this.sync()
  }

  /** The code point boundary nearest a point on screen (a dragged highlight end), or null outside the text. */
  offsetAt(x: number, y: number): number | null {
    const pos = this.textPosAt(x, y)
    return pos === null ? null : this.index.pmToCp(pos)
  }

  /** Select a span of the text (code points), scrolled into view. */
  selectSpan(span: { start: number; end: number }): void {
    this.select({ anchor: this.index.cpToPm(span.start), head: this.index.cpToPm(span.end) }, true)
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
    const changed = new Set<string>()
    const gone: string[] = []
    for (const id of removed) {
      const old = this.spans.get(id)
      if (!old) continue
      this.annotations.remove(old)
      gone.push(id)
      changed.add(id)
    }
    // The last span given for an id is the one drawn; one removed and put back again is drawn anew.
    const puts = new Map(put.map((s) => [s.id, s]))
    const came: HighlightSpan[] = []
    for (const next of puts.values()) {
      const old = changed.has(next.id) ? undefined : this.spans.get(next.id)
      if (old && old.label === next.label && old.start === next.start && old.end === next.end && old.classes === next.classes) continue
      if (old) this.annotations.remove(old)
      this.annotations.add(next)
      came.push(next)
      changed.add(next.id)
    }
    this.spans.apply(came, gone)
    const before = this.selectedId
    if (options.select !== undefined) this.selectedId = options.select !== null && this.spans.has(options.select) ? options.select : null
    if (before !== this.selectedId) {
      if (before) changed.add(before)
      if (this.selectedId) changed.add(this.selectedId)
    }
    if (!changed.size && !options.caretAfter) return
    if (options.caretAfter) {
      const caret = this.index.cpToPm(options.caretAfter.end)
      if (this.win.toWindow(caret) === null) this.select({ anchor: caret, head: caret }, false)
    }
    const tr = this.tr()
    const draw = [...changed].flatMap((id) => {
      const span = this.spans.get(id)
      return span ? [{ span, selected: id === this.selectedId }] : []
    })
    this.layers.annotations.set(tr, patchLayer(this.layers.annotations.get(this.view.state), tr.doc, this.win, changed, draw))
    if (options.caretAfter) {
      const caret = this.win.toWindow(this.index.cpToPm(options.caretAfter.end))
      if (caret !== null) tr.setSelection(TextSelection.create(tr.doc, caret))
    }
    this.view.dispatch(tr)
  }

  /** The selected text as a code point span, whitespace at either end left out; null if none. */
  caretOffset(): number | null {
    const sel = this.domSelection()
    return sel && sel.anchor === sel.head ? this.index.pmToCp(sel.head) : null
  }

  selectedSpan(): { start: number; end: number } | null {
    const sel = this.domSelection()
    return !sel || sel.anchor === sel.head ? null : selectionToSpan(this.index, sel.anchor, sel.head)
  }

  /** The selection as a code point span, whitespace included; null if none. */
  private selectedRange(): { start: number; end: number } | null {
    const sel = this.domSelection() ?? this.selection
    if (!sel || sel.anchor === sel.head) return null
    return { start: this.index.pmToCp(Math.min(sel.anchor, sel.head)), end: this.index.pmToCp(Math.max(sel.anchor, sel.head)) }
  }

  /**
   * The selection as the browser has it, in text positions, when it lies in the text. The view
   * learns of selection changes from an asynchronous event, so right after a click or a key its
   * own state can still hold the previous selection.
   */
  private domSelection(): TextSel | null {
    const sel = this.view.dom.ownerDocument.getSelection()
    if (!sel?.anchorNode || !sel.focusNode) return null
    if (!this.view.dom.contains(sel.anchorNode) || !this.view.dom.contains(sel.focusNode)) return null
    try {
      const anchor = this.view.posAtDOM(sel.anchorNode, sel.anchorOffset)
      const head = this.view.posAtDOM(sel.focusNode, sel.focusOffset)
      return { anchor: this.win.toText(anchor), head: this.win.toText(head) }
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
    const anchor = sel && this.win.toWindow(sel.anchor)
    const head = sel && this.win.toWindow(sel.head)
    if (anchor != null && head != null && (anchor !== tr.selection.anchor || head !== tr.selection.head)) {
      tr.setSelection(TextSelection.create(tr.doc, anchor, head))
    }
    return tr
  }

  /** Show which annotation is selected, or none. */
  showSelected(id: string | null): void {
    this.updateSpans([], [], { select: id })
  }

  /** Scroll the annotation's span into view and flash it briefly. */
  reveal(id: string): void {
    const span = this.spans.get(id)
    if (span) this.revealRange(span)
  }

  /** Scroll a code point range into view and flash it briefly. */
  revealRange(range: { start: number; end: number }): void {
    const span = { from: this.index.cpToPm(range.start), to: this.index.cpToPm(Math.min(range.end, this.index.length)) }
    this.scrollToSpan(span)
    clearTimeout(this.flashTimer)
    this.setRange('flash', span)
    this.flashTimer = setTimeout(() => this.setRange('flash', null), FLASH_MS)
  }

  private setRange(which: 'flash' | 'unit', range: { from: number; to: number } | null): void {
    if (which === 'flash') this.flashRange = range
    else this.unitRange = range
    if (this.view.isDestroyed) return
    const tr = this.tr()
    this.view.dispatch(this.layers[which].set(tr, this.rangeSet(tr.doc, range, which === 'flash' ? 'mg-flash' : 'mg-unit')))
  }

  /**
   * Scroll the span (text positions) into view, a third down the viewport, unless it is already in
   * view: first by the height map (drawing the lines there), then by the drawn text itself.
   */
  private scrollToSpan(span: { from: number; to: number }): void {
    const box = this.scroller.getBoundingClientRect()
    const line = this.paragraphs.at(span.from)
    if (this.win.toWindow(span.from) === null || this.win.toWindow(span.to) === null) {
      this.scroller.scrollTop = this.origin() + this.heights.top(line) - box.height / 3
      this.sync(true)
    }
    const from = this.win.toWindow(span.from)
    const to = this.win.toWindow(span.to)
    if (from === null || to === null) return
    const top = this.view.coordsAtPos(from).top
    const bottom = this.view.coordsAtPos(to, -1).bottom
    if (top < box.top + 24 || bottom > box.bottom - 24) {
      this.scroller.scrollTop += top - box.top - Math.max(48, (box.height - (bottom - top)) / 3)
      this.sync()
    }
  }

  /** Mark a code point range as the one being decided (null: none). */
  markRange(range: { start: number; end: number } | null): void {
    const pm = range && { from: this.index.cpToPm(range.start), to: this.index.cpToPm(Math.min(range.end, this.index.length)) }
    this.setRange('unit', pm)
  }

  /** The annotations covering the character that was clicked, found from positions alone. */
  private annotationsAt(char: number | null): HighlightSpan[] {
    if (char === null) return []
    const from = this.index.cpToPm(char)
    return coveringByLength(this.annotations.between(from, this.index.cpToPm(char + 1)), char)
  }

  /**
   * Which character a click at (x, y) hit: a position lies between two characters, so look at the
   * one after and the one before it and take whichever's box holds the point.
   */
  private clickedChar(pos: number, x: number, y: number): number | null {
    const cp = this.index.pmToCp(pos)
    for (const c of [cp, cp - 1]) {
      if (c < 0 || c >= this.index.length || this.index.slice(c, c + 1) === '\n') continue
      const from = this.win.toWindow(this.index.cpToPm(c))
      const to = this.win.toWindow(this.index.cpToPm(c + 1))
      if (from === null || to === null) continue
      const a = this.view.coordsAtPos(from, 1)
      const b = this.view.coordsAtPos(to, -1)
      // A character split across a line wrap has its two edges on different lines: not this one.
      if (b.bottom <= a.top || b.top >= a.bottom) continue
      const top = Math.min(a.top, b.top)
      const bottom = Math.max(a.bottom, b.bottom)
      if (x >= Math.min(a.left, b.left) - 1 && x <= Math.max(a.right, b.right) + 1 && y >= top - 2 && y <= bottom + 2) return c
    }
    return null
  }
}
