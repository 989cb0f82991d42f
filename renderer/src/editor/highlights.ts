/**
 * Highlight layers over the drawn part of a text. Every live span of a layer is kept in a
 * per-paragraph index (`SpanIndex`, each span in every paragraph it touches, in text order) that
 * covers the whole text and never touches the DOM; a layer's DecorationSet holds decorations for
 * the paragraphs the text view has drawn (its window, text-window.ts) and nothing else. Adding,
 * removing or selecting an annotation therefore costs the same in a book as in an article: one
 * entry in the index, and a decoration or two if its paragraphs are on screen. Hit-testing reads
 * the index, so it sees every annotation, drawn or not.
 *
 * Each decoration gets its own wrapper element (`nodeName: 'span'`), so overlapping annotations
 * nest instead of merging their classes: two claims over the same words are two tinted spans, and
 * the tint deepens where they overlap. The selected annotation is drawn with an extra class on
 * its own decorations, which adds no new boundaries to the text. A span over several paragraphs
 * is drawn as one decoration per paragraph.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { ParagraphIndex } from './paragraphs'
import { compareSpans, type HighlightSpan } from './spans'
import type { TextWindow } from './text-window'

/** The classes every highlight of a label carries (or, for a span with its own classes, those). */
export function highlightClass(label: string, selected = false, classes?: string): string {
  const base = classes === undefined ? `mg-hl mg-hl-${label}` : `mg-hl ${classes}`
  return selected ? `${base} mg-selected` : base
}

/** The spans of a paragraph that has none. */
const NONE: readonly HighlightSpan[] = Object.freeze([])

/** A layer's live spans by paragraph, for the whole text. */
export class SpanIndex {
  /** Each paragraph's spans in text order; nothing for a paragraph without any (most of a long text's, and all of an empty layer's). */
  private byParagraph: (HighlightSpan[] | undefined)[] = []
  private count = 0

  constructor(
    readonly paragraphs: ParagraphIndex,
    spans: readonly HighlightSpan[] = [],
  ) {
    this.replace(spans)
  }

  /** How many spans the layer holds. */
  get size(): number {
    return this.count
  }

  /** Replace every span of the layer (find hits: thousands at once). */
  replace(spans: readonly HighlightSpan[]): void {
    const sorted = spans.filter((s) => s.to > s.from).sort(compareSpans)
    const n = this.paragraphs.count
    // Two passes: count each paragraph's spans, then fill lists made at their exact length (a list
    // grown one push at a time keeps room for more, which 50,000 spans would pay for).
    const firsts = new Int32Array(sorted.length)
    const lasts = new Int32Array(sorted.length)
    const counts = new Int32Array(n)
    for (let k = 0; k < sorted.length; k++) {
      const s = sorted[k]!
      const [first, last] = this.paragraphs.touching(s.from, s.to)
      firsts[k] = first
      lasts[k] = last
      for (let i = first; i <= last; i++) counts[i]!++
    }
    const by: (HighlightSpan[] | undefined)[] = sorted.length ? Array.from<HighlightSpan[] | undefined>({ length: n }) : []
    const filled = new Int32Array(n)
    for (let k = 0; k < sorted.length; k++) {
      for (let i = firsts[k]!; i <= lasts[k]!; i++) (by[i] ??= Array.from<HighlightSpan>({ length: counts[i]! }))[filled[i]!++] = sorted[k]!
    }
    this.byParagraph = by
    this.count = sorted.length
  }

  /** Add a span, keeping text order within each of its paragraphs. */
  add(s: HighlightSpan): void {
    if (s.to <= s.from) return
    if (this.byParagraph.length === 0) this.byParagraph = Array.from({ length: this.paragraphs.count })
    const [first, last] = this.paragraphs.touching(s.from, s.to)
    for (let i = first; i <= last; i++) {
      const list = (this.byParagraph[i] ??= [])
      let at = list.length
      while (at > 0 && compareSpans(list[at - 1]!, s) > 0) at--
      list.splice(at, 0, s)
    }
    this.count++
  }

  /** Remove a span (found by id in the paragraphs of its range). */
  remove(s: HighlightSpan): void {
    const [first, last] = this.paragraphs.touching(s.from, s.to)
    let found = false
    for (let i = first; i <= last; i++) {
      const list = this.byParagraph[i]
      const at = list ? list.findIndex((x) => x.id === s.id) : -1
      if (at >= 0) {
        list!.splice(at, 1)
        if (list!.length === 0) this.byParagraph[i] = undefined
        found = true
      }
    }
    if (found) this.count--
  }

  /** The spans touching paragraph `i`, in text order. */
  inParagraph(i: number): readonly HighlightSpan[] {
    return this.byParagraph[i] ?? NONE
  }

  /** The spans between two editor positions (including ones that only touch them), once each. */
  between(from: number, to: number): HighlightSpan[] {
    const spans = new Map<string, HighlightSpan>()
    const [first, last] = this.paragraphs.touching(from, to)
    for (let i = first; i <= last; i++) {
      for (const s of this.inParagraph(i)) if (s.from <= to && s.to >= from) spans.set(s.id, s)
    }
    return [...spans.values()]
  }
}

/** The decoration of span `s` in drawn paragraph `i`, if it has a piece there. */
function pieceIn(win: TextWindow, i: number, s: HighlightSpan, selected: boolean): Decoration | null {
  const shift = win.shift(i)
  if (Number.isNaN(shift)) return null
  const from = Math.max(s.from, win.paragraphs.start(i))
  const to = Math.min(s.to, win.paragraphs.end(i))
  return to > from
    ? Decoration.inline(from + shift, to + shift, { nodeName: 'span', class: highlightClass(s.label, selected, s.classes) }, s)
    : null
}

/** The decorations of every drawn paragraph of a layer. */
export function layerDecorations(win: TextWindow, index: SpanIndex, selected: string | null = null): Decoration[] {
  const out: Decoration[] = []
  for (const run of win.runs) {
    for (let i = run.from; i < run.to; i++) {
      for (const s of index.inParagraph(i)) {
        const d = pieceIn(win, i, s, s.id === selected)
        if (d) out.push(d)
      }
    }
  }
  return out
}

/** The drawn decorations of one span. */
export function spanDecorations(win: TextWindow, s: HighlightSpan, selected: boolean): Decoration[] {
  const out: Decoration[] = []
  const [first, last] = win.paragraphs.touching(s.from, s.to)
  for (const run of win.runs) {
    for (let i = Math.max(first, run.from); i <= last && i < run.to; i++) {
      const d = pieceIn(win, i, s, selected)
      if (d) out.push(d)
    }
  }
  return out
}

/**
 * A layer's drawn set after some of its spans changed: every decoration of the spans named in
 * `changed` is dropped, and `draw` (the spans to show now, each marked selected or not) drawn.
 */
export function patchLayer(
  set: DecorationSet,
  doc: Node,
  win: TextWindow,
  changed: ReadonlySet<string>,
  draw: readonly { span: HighlightSpan; selected: boolean }[],
): DecorationSet {
  if (!changed.size && !draw.length) return set
  const old = set.find(undefined, undefined, (spec: HighlightSpan) => changed.has(spec.id))
  let next = old.length ? set.remove(old) : set
  const add = draw.flatMap((d) => spanDecorations(win, d.span, d.selected))
  if (add.length) next = next.add(doc, add)
  return next
}

/** One layer of decorations: a plugin whose set is built by its owner and replaced whole. */
export interface DecorationLayer {
  readonly plugin: Plugin<DecorationSet>
  /** The layer's current set in a state. */
  get(state: EditorState): DecorationSet
  /** Put a new set on a transaction. */
  set(tr: Transaction, set: DecorationSet): Transaction
}

/**
 * A layer whose set is made by `build` whenever a state is created (the view draws another
 * window) and replaced by `set` between; the text never changes, so nothing is ever mapped.
 */
export function decorationLayer(name: string, build: (doc: Node) => DecorationSet): DecorationLayer {
  const key = new PluginKey<DecorationSet>(name)
  const plugin = new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => build(state.doc),
      apply: (tr, prev) => (tr.getMeta(key) as DecorationSet | undefined) ?? prev,
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  })
  return {
    plugin,
    get: (state) => key.getState(state) ?? DecorationSet.empty,
    set: (tr, set) => tr.setMeta(key, set),
  }
}
