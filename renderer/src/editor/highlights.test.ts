import { EditorState } from 'prosemirror-state'
import { DecorationSet } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import { annotation, marked } from '../testing/builders'
import { decorationLayer, layerDecorations, patchLayer, SpanIndex } from './highlights'
import { ParagraphIndex } from './paragraphs'
import { readOnly } from './read-only'
import { docFromText } from './schema'
import { spanOfAnnotation } from './spans'
import { TextWindow, type LineRange } from './text-window'

function setup(source: string, labels: string[], drawn?: LineRange[]) {
  const { text, spans } = marked(source)
  const index = new TextIndex(text)
  const paragraphs = new ParagraphIndex(index)
  const annotations = spans.map((s, i) => annotation(index, labels[i % labels.length]!, s.start, s.end))
  const live = annotations.map((a) => spanOfAnnotation(index, a))
  const spanIndex = new SpanIndex(paragraphs, live)
  const win = new TextWindow(index, paragraphs, drawn ?? [{ from: 0, to: paragraphs.count }])
  return { text, index, paragraphs, annotations, live, spanIndex, win }
}

/** The text and classes inside each highlight element the view would create, piece by piece. */
function pieces(win: TextWindow, set: DecorationSet): string[] {
  return set
    .find()
    .map((d) => `${win.doc.textBetween(d.from, d.to)}:${(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class}`)
}

describe('highlight layer', () => {
  it('draws each annotation over exactly its text, after emoji and across lines', () => {
    const { win, spanIndex, live, index } = setup('🇺🇦 Kyiv 👩🏽‍⚕️: [the talks\nfailed] — [שלום] [عليكم 😀]', ['claim', 'source', 'stance'])
    const set = DecorationSet.create(win.doc, layerDecorations(win, spanIndex))
    // A span over two lines is drawn once in each paragraph.
    expect(pieces(win, set).sort()).toEqual(
      ['the talks:mg-hl mg-hl-claim', 'failed:mg-hl mg-hl-claim', 'שלום:mg-hl mg-hl-source', 'عليكم 😀:mg-hl mg-hl-stance'].sort(),
    )
    expect(spanIndex.between(0, index.cpToPm(index.length)).map((s) => s.id)).toEqual(live.map((s) => s.id))
  })

  it('keeps one paragraph per line, empty lines included', () => {
    const doc = docFromText('one\n\nthree\n')
    expect(doc.childCount).toBe(4)
    expect(doc.child(1).content.size).toBe(0)
  })

  it('draws the selected annotation with its own class, and moves that mark on the next selection', () => {
    const { win, spanIndex, live } = setup('[One] and [two\nlines]', ['claim', 'stance'])
    const first = DecorationSet.create(win.doc, layerDecorations(win, spanIndex, live[1]!.id))
    expect(pieces(win, first).sort()).toEqual(
      ['One:mg-hl mg-hl-claim', 'two:mg-hl mg-hl-stance mg-selected', 'lines:mg-hl mg-hl-stance mg-selected'].sort(),
    )
    const changed = new Set([live[0]!.id, live[1]!.id])
    const second = patchLayer(first, win.doc, win, changed, [
      { span: live[0]!, selected: true },
      { span: live[1]!, selected: false },
    ])
    expect(pieces(win, second).sort()).toEqual(
      ['One:mg-hl mg-hl-claim mg-selected', 'two:mg-hl mg-hl-stance', 'lines:mg-hl mg-hl-stance'].sort(),
    )
  })

  it('adds and removes single highlights, leaving the others', () => {
    const { win, spanIndex, index, live } = setup('[A claim [inside] another] and [more]', ['claim', 'claim', 'source'])
    const set = DecorationSet.create(win.doc, layerDecorations(win, spanIndex))
    const extra = spanOfAnnotation(index, annotation(index, 'stance', 2, 7))
    spanIndex.add(extra)
    const added = patchLayer(set, win.doc, win, new Set([extra.id]), [{ span: extra, selected: false }])
    expect(pieces(win, added)).toContain('claim:mg-hl mg-hl-stance')
    spanIndex.remove(live[1]!)
    const removed = patchLayer(added, win.doc, win, new Set([live[1]!.id]), [])
    expect(
      pieces(win, removed)
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['A claim inside another', 'claim', 'more'].sort())
    expect(spanIndex.between(0, index.cpToPm(index.length)).map((s) => s.id)).not.toContain(live[1]!.id)
    expect(spanIndex.size).toBe(3)
  })

  it('draws a span with its own classes instead of its label style (review lanes), keeping the selection mark', () => {
    const { win, spanIndex, index } = setup('[One] two', ['claim'])
    const lane = {
      ...spanOfAnnotation(index, annotation(index, 'claim', 4, 7)),
      id: 'maria:x',
      classes: 'mg-rv mg-rv-lane-1 mg-label-claim',
    }
    spanIndex.add(lane)
    const set = DecorationSet.create(win.doc, layerDecorations(win, spanIndex, lane.id))
    expect(
      pieces(win, set)
        .map((p) => p.split(':')[1])
        .sort(),
    ).toEqual(['mg-hl mg-hl-claim', 'mg-hl mg-rv mg-rv-lane-1 mg-label-claim mg-selected'])
  })

  it('refuses every change to the text itself', () => {
    const { win } = setup('The [text] stays', ['claim'])
    const state = EditorState.create({ doc: win.doc, plugins: [readOnly(), decorationLayer('t', () => DecorationSet.empty).plugin] })
    const typed = state.apply(state.tr.insertText('xyz', 3))
    expect(typed.doc.textContent).toBe('The text stays')
    const deleted = state.apply(state.tr.delete(1, 5))
    expect(deleted.doc.eq(state.doc)).toBe(true)
  })
})

describe('highlights in a window of the text', () => {
  const source = Array.from({ length: 50 }, (_, i) => `Line ${i} 😀 [has] a [span${i === 20 ? '\nacross' : ''}]`).join('\n')

  it('draws only the drawn lines, and finds every annotation for hit-testing', () => {
    const { win, spanIndex, live } = setup(source, ['claim', 'source'], [{ from: 0, to: 10 }])
    expect(layerDecorations(win, spanIndex)).toHaveLength(20)
    const last = live[live.length - 1]!
    expect(spanIndex.between(last.from, last.to).map((s) => s.id)).toEqual([last.id])
  })

  it('draws a span that crosses from a drawn part into an undrawn one only where it is drawn', () => {
    const { win, spanIndex, live, index } = setup(source, ['claim', 'source'], [{ from: 21, to: 23 }])
    const across = live.find((s) => index.slice(s.start, s.end).includes('\n'))!
    const drawn = layerDecorations(win, spanIndex).filter((d) => (d.spec as { id: string }).id === across.id)
    expect(drawn.map((d) => win.doc.textBetween(d.from, d.to))).toEqual(['across'])
    // Its stored offsets are untouched by where it is drawn.
    expect(index.slice(across.start, across.end)).toBe('span\nacross')
  })

  it('adds an annotation outside the window without drawing it, and draws it when its line comes in', () => {
    const { win, spanIndex, index, paragraphs } = setup(source, ['claim', 'source'], [{ from: 40, to: 50 }])
    const set = DecorationSet.create(win.doc, layerDecorations(win, spanIndex))
    const early = spanOfAnnotation(index, annotation(index, 'stance', 0, 4))
    spanIndex.add(early)
    const patched = patchLayer(set, win.doc, win, new Set([early.id]), [{ span: early, selected: true }])
    expect(patched.find()).toHaveLength(20)
    const back = new TextWindow(index, paragraphs, [{ from: 0, to: 2 }], win)
    const drawn = pieces(back, DecorationSet.create(back.doc, layerDecorations(back, spanIndex, early.id)))
    expect(drawn).toContain('Line:mg-hl mg-hl-stance mg-selected')
    expect(drawn).toHaveLength(5)
  })
})
