import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { TextIndex } from '../../../shared/offsets'
import { annotation, marked } from '../testing/builders'
import { changeHighlights, highlights, highlightsBetween } from './highlights'
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

describe('highlight layer', () => {
  it('draws each annotation over exactly its text, after emoji and across lines', () => {
    const source = '🇺🇦 Kyiv 👩🏽‍⚕️: [the talks\nfailed] — [שלום] [عليكم 😀]'
    const { state } = setup(source, ['claim', 'source', 'stance'])
    expect(drawn(state).sort()).toEqual(['the talks\nfailed', 'שלום', 'عليكم 😀'].sort())
  })

  it('keeps one paragraph per line, empty lines included', () => {
    const doc = docFromText('one\n\nthree\n')
    expect(doc.childCount).toBe(4)
    expect(doc.child(1).content.size).toBe(0)
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

  it('refuses every change to the text itself', () => {
    const { state } = setup('The [text] stays', ['claim'])
    const typed = state.apply(state.tr.insertText('xyz', 3))
    expect(typed.doc.textContent).toBe('The text stays')
    const deleted = state.apply(state.tr.delete(1, 5))
    expect(deleted.doc.eq(state.doc)).toBe(true)
  })
})
