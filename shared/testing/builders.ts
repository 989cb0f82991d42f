/**
 * Builders for unit tests: texts with marked spans, and annotations over them, so tests read like
 * the text a researcher sees ("the [minister 👩🏽‍⚕️] said") instead of hand-counted offsets.
 */
import type { StoringContext } from '../annotations/stored-form'
import type { Annotation } from '../model/annotation'
import { defaultLabels, type LabelSchema, type LinkTypeDef } from '../model/labels'
import { TextIndex, quoteAt } from '../offsets'

/** A text and the code point spans its [brackets] marked (brackets removed), in order of opening. */
export function marked(source: string): { text: string; spans: { start: number; end: number; text: string }[] } {
  let text = ''
  let length = 0
  const open: number[] = []
  const spans: { start: number; end: number; text: string }[] = []
  for (const ch of source) {
    if (ch === '[') {
      open.push(spans.length)
      spans.push({ start: length, end: -1, text: '' })
    } else if (ch === ']') spans[open.pop()!]!.end = length
    else {
      text += ch
      length++
    }
  }
  for (const s of spans) s.text = Array.from(text).slice(s.start, s.end).join('')
  return { text, spans }
}

let counter = 0

/** A stored annotation of `label` over [start, end) of the text. */
export function annotation(index: TextIndex, label: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  counter++
  return {
    id: `a${counter}`,
    label,
    target: { position: { type: 'TextPositionSelector', start, end }, quote: { type: 'TextQuoteSelector', ...quoteAt(index, start, end) } },
    attributes: {},
    note: '',
    author: 'tester',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

/** The context for applying ops to a text, as annotator "tester". */
export function storingContext(text: string, labels: LabelSchema = defaultLabels, linkTypes: readonly LinkTypeDef[] = []): StoringContext {
  return { author: 'tester', now: '2026-02-02T00:00:00.000Z', text: new TextIndex(text), labels, linkTypes }
}
