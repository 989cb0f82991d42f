import { EditorState } from 'prosemirror-state'
import type { DecorationSet } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import { annotation, marked } from '../testing/builders'
import { changeHighlights, drawnParagraphs, highlights, highlightsBetween } from './highlights'
import { readOnly } from './read-only'
import { docFromText } from './schema'
import { spanOfAnnotation } from './spans'

function setup(source: string, labels: string[]) {
  const { text, spans } = marked(source)
  const index = new TextIndex(text)
  const annotations = spans.map((s, i) => annotation(index, labels[i]!, s.start, s.end))
  const live = annotations.map((a) => spanOfAnnotation(index, a))
  const state = EditorState.create({ doc: docFromText(text), plugins: [readOnly(), highlights(live)] })
  return { text, index, annotations, live, state }
}

/** The text each drawn highlight covers, read back from the editor document. */
function drawn(state: EditorState): string[] {
  return highlightsBetween(state, 0, state.doc.content.size).map((s) => state.doc.textBetween(s.from, s.to, '\n'))
}

/** The text inside each highlight element the view would create, piece by piece. */
function pieces(state: EditorState): string[] {
  const set = state.plugins.map((p) => p.props.decorations?.call(p, state)).find(Boolean) as DecorationSet
  return set.find().map((d) => state.doc.textBetween(d.from, d.to))
}

describe('highlight layer', () => {
  it('draws each annotation over exactly its text, after emoji and across lines', () => {
    const source = '🇺🇦 Kyiv 👩🏽‍⚕️: [the talks\nfailed] — [שלום] [عليكم 😀]'
    const { state } = setup(source, ['claim', 'source', 'stance'])
    expect(drawn(state).sort()).toEqual(['the talks\nfailed', 'שלום', 'عليكم 😀'].sort())
    // A span over two lines is drawn once in each paragraph.
    expect(pieces(state).sort()).toEqual(['the talks', 'failed', 'שלום', 'عليكم 😀'].sort())
  })

  it('keeps one paragraph per line, empty lines included', () => {
    const doc = docFromText('one\n\nthree\n')
    expect(doc.childCount).toBe(4)
    expect(doc.child(1).content.size).toBe(0)
  })

  it('draws the selected annotation with its own highlight, and moves that mark on the next selection', () => {
    const { state, live } = setup('[One] and [two\nlines]', ['claim', 'stance'])
    const classesOf = (st: EditorState) => {
      const set = st.plugins.map((p) => p.props.decorations?.call(p, st)).find(Boolean) as DecorationSet
      return set
        .find()
        .map((d) => `${st.doc.textBetween(d.from, d.to)}:${(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class}`)
    }
    const first = state.apply(changeHighlights(state.tr, { select: live[1]! }))
    expect(classesOf(first).sort()).toEqual(
      ['One:mg-hl mg-hl-claim', 'two:mg-hl mg-hl-stance mg-selected', 'lines:mg-hl mg-hl-stance mg-selected'].sort(),
    )
    const second = first.apply(changeHighlights(first.tr, { select: live[0]! }))
    expect(classesOf(second).sort()).toEqual(
      ['One:mg-hl mg-hl-claim mg-selected', 'two:mg-hl mg-hl-stance', 'lines:mg-hl mg-hl-stance'].sort(),
    )
  })

  it('adds and removes single highlights through transactions, leaving the others', () => {
    const { state, index, annotations, live } = setup('[A claim [inside] another] and [more]', ['claim', 'claim', 'source'])
    const extra = spanOfAnnotation(index, annotation(index, 'stance', 2, 7))
    const added = state.apply(changeHighlights(state.tr, { add: [extra] }))
    expect(drawn(added)).toContain('claim')
    const removed = added.apply(changeHighlights(added.tr, { remove: [live[1]!] }))
    expect(drawn(removed).sort()).toEqual(['A claim inside another', 'claim', 'more'].sort())
    expect(highlightsBetween(removed, 0, removed.doc.content.size).map((s) => s.id)).not.toContain(annotations[1]!.id)
  })

  it('draws a span with its own classes instead of its label style (review lanes), keeping the selection mark', () => {
    const { state, index } = setup('[One] two', ['claim'])
    const lane = {
      ...spanOfAnnotation(index, annotation(index, 'claim', 4, 7)),
      id: 'maria:x',
      classes: 'mg-rv mg-rv-lane-1 mg-label-claim',
    }
    const added = state.apply(changeHighlights(state.tr, { add: [lane], select: lane }))
    const set = added.plugins.map((p) => p.props.decorations?.call(p, added)).find(Boolean) as DecorationSet
    const classes = set.find().map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class)
    expect(classes.sort()).toEqual(['mg-hl mg-hl-claim', 'mg-hl mg-rv mg-rv-lane-1 mg-label-claim mg-selected'])
  })

  it('refuses every change to the text itself', () => {
    const { state } = setup('The [text] stays', ['claim'])
    const typed = state.apply(state.tr.insertText('xyz', 3))
    expect(typed.doc.textContent).toBe('The text stays')
    const deleted = state.apply(state.tr.delete(1, 5))
    expect(deleted.doc.eq(state.doc)).toBe(true)
  })
})

describe('highlights near the viewport', () => {
  const source = Array.from({ length: 50 }, (_, i) => `Line ${i} [has] a [span]`).join('\n')
  function big() {
    const { text, spans } = marked(source)
    const index = new TextIndex(text)
    const live = spans.map((s, i) => spanOfAnnotation(index, annotation(index, i % 2 ? 'claim' : 'source', s.start, s.end)))
    const state = EditorState.create({ doc: docFromText(text), plugins: [readOnly(), highlights(live, { from: 0, to: 10 })] })
    return { index, live, state }
  }

  it('draws only the given paragraphs, and finds every annotation for hit-testing', () => {
    const { state, live } = big()
    expect(pieces(state)).toHaveLength(20)
    expect(drawnParagraphs(state)).toEqual({ from: 0, to: 10 })
    const last = live[live.length - 1]!
    expect(highlightsBetween(state, last.from, last.to).map((s) => s.id)).toEqual([last.id])
  })

  it('moves the drawn range, and adds or removes out-of-range annotations without drawing them', () => {
    const { state, live, index } = big()
    const moved = state.apply(changeHighlights(state.tr, { draw: { from: 40, to: 50 } }))
    expect(pieces(moved)).toHaveLength(20)
    expect(pieces(moved)[0]).toBe('has')
    const early = spanOfAnnotation(index, annotation(index, 'stance', 0, 4))
    const added = moved.apply(changeHighlights(moved.tr, { add: [early], remove: [live[0]!], select: early }))
    expect(pieces(added)).toHaveLength(20)
    const back = added.apply(changeHighlights(added.tr, { draw: { from: 0, to: 2 } }))
    const set = back.plugins.map((p) => p.props.decorations?.call(p, back)).find(Boolean) as DecorationSet
    const classes = set.find().map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class)
    expect(classes).toContain('mg-hl mg-hl-stance mg-selected')
    expect(set.find().length).toBe(4)
  })
})
